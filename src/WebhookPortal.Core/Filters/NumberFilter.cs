using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace WebhookPortal.Core.Filters;

/// <summary>
/// <see cref="FilterOperator.GreaterThan"/> and <see cref="FilterOperator.LessThan"/> on a JSON number or a
/// string holding a decimal number (payloads often carry amounts as strings: <c>"49.90"</c>).
/// </summary>
internal sealed class NumberFilter(MatchFilter definition, decimal threshold) : ComparisonFilter(definition)
{
    /// <summary>How both the filter's value and a numeric string in a payload are read.</summary>
    public const NumberStyles Style = NumberStyles.Float;

    protected override bool IsTextual => false;

    protected override FieldComparison Compare(JsonElement element)
    {
        int? sign = element.ValueKind switch
        {
            JsonValueKind.Number => CompareNumber(element),
            JsonValueKind.String => CompareNumericString(element),
            _ => null,
        };
        if (sign is not { } s)
        {
            return FieldComparison.NotANumber;
        }

        var holds = Definition.Operator == FilterOperator.GreaterThan ? s > 0 : s < 0;
        return holds ? FieldComparison.Holds : FieldComparison.DoesNotHold;
    }

    protected override string Describe(bool holds)
    {
        var relation = Definition.Operator == FilterOperator.GreaterThan ? "greater" : "less";
        return $"is {(holds ? "" : "not ")}{relation} than {threshold.ToString(CultureInfo.InvariantCulture)}";
    }

    // A JSON number beyond decimal's range (about ±7.9e28, or 1e400) is still compared, as a double.
    private int CompareNumber(JsonElement element)
    {
        if (element.TryGetDecimal(out var number))
        {
            return number.CompareTo(threshold);
        }

        // Every JSON number parses as a double; one too large for it becomes an infinity, which still compares right.
        _ = double.TryParse(JsonMarshal.GetRawUtf8Value(element), Style, CultureInfo.InvariantCulture, out var large);
        return large.CompareTo((double)threshold);
    }

    private int? CompareNumericString(JsonElement element)
    {
        Span<char> buffer = stackalloc char[FieldText.StackBufferLength];
        return decimal.TryParse(FieldText.Read(element, buffer), Style, CultureInfo.InvariantCulture, out var number)
            ? number.CompareTo(threshold)
            : null;
    }
}
