using System.Text.Json;

namespace WebhookPortal.Core.Filters;

/// <summary>
/// A filter that compares a present field with a value. An array field passes when any element does, and
/// <c>Not</c> inverts that whole answer: <c>Not Contains 'x'</c> passes when no element contains <c>x</c>.
/// </summary>
internal abstract class ComparisonFilter(MatchFilter definition) : CompiledFilter(definition)
{
    public sealed override Verdict Evaluate(JsonElement payload)
    {
        if (!PayloadFields.Walk(payload, Definition.Field, out var field))
        {
            return Verdict.Missing;
        }

        var comparison = field.ValueKind == JsonValueKind.Array ? CompareAnyElement(field) : Compare(field);
        return comparison switch
        {
            FieldComparison.Holds => Definition.Not ? Verdict.Failed : Verdict.Passed,
            FieldComparison.DoesNotHold => Definition.Not ? Verdict.Passed : Verdict.Failed,
            FieldComparison.NotANumber => Verdict.NotANumber,
            _ => Verdict.TimedOut,
        };
    }

    public override string Explain(JsonElement payload, Verdict verdict)
    {
        var field = Definition.Field;
        var onArray = PayloadFields.Walk(payload, field, out var value) && value.ValueKind == JsonValueKind.Array;
        if (verdict is Verdict.Missing)
        {
            return $"{field} is missing";
        }

        if (verdict is Verdict.NotANumber)
        {
            return onArray ? $"{field} has no element that is a number" : $"{field} is not a number";
        }

        var holds = (verdict == Verdict.Passed) != Definition.Not;
        if (onArray)
        {
            return $"{field} has {(holds ? "an" : "no")} element that {Describe(holds: true)}{CaseNote}";
        }

        return $"{field} {Describe(holds)}{CaseNote}";
    }

    public sealed override string Requirement => $"{Definition.Field} {Describe(holds: !Definition.Not)}{CaseNote}";

    private string CaseNote => IsTextual && !Definition.CaseSensitive ? " (ignoring case)" : "";

    /// <summary>Whether the comparison is on text, so that <see cref="MatchFilter.CaseSensitive"/> applies.</summary>
    protected virtual bool IsTextual => true;

    /// <summary>Compares one value that is not an array (or one element of an array).</summary>
    protected abstract FieldComparison Compare(JsonElement value);

    /// <summary>The comparison in words after the field name: <c>starts with 'J'</c> or <c>does not start with 'J'</c>.</summary>
    protected abstract string Describe(bool holds);

    private FieldComparison CompareAnyElement(JsonElement array)
    {
        var sawElement = false;
        var sawComparable = false;
        foreach (var element in array.EnumerateArray())
        {
            var comparison = Compare(element);
            // A timeout ends the search too: a pattern that ran out of time never lets an event through.
            if (comparison is FieldComparison.Holds or FieldComparison.TimedOut)
            {
                return comparison;
            }

            sawElement = true;
            sawComparable |= comparison == FieldComparison.DoesNotHold;
        }

        // Elements that are not numbers are skipped; an array with elements but no number at all is not a number.
        return sawComparable || !sawElement ? FieldComparison.DoesNotHold : FieldComparison.NotANumber;
    }
}
