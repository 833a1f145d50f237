using System.Text.Json;

namespace WebhookPortal.Core.Filters;

/// <summary>
/// A listener's match filters, checked and compiled once, then matched against every event of its hook.
/// Immutable and safe to share between threads, so a compiled set can be cached with its listener.
/// </summary>
/// <remarks>
/// <para>How a payload is matched:</para>
/// <list type="bullet">
/// <item>Every filter must pass (AND); a set without filters matches every payload.</item>
/// <item>A field's <b>text</b> is a JSON string's unescaped value, and for anything else its raw JSON:
/// <c>42</c>, <c>49.90</c>, <c>true</c>, <c>false</c>, <c>null</c>, or an object's (or nested array's) JSON as written.</item>
/// <item>An <b>array</b> field passes when any element passes; <c>Not</c> inverts the whole, so <c>Not Contains 'x'</c>
/// passes when no element contains <c>x</c>, and an empty array has no element that passes.</item>
/// <item>A <b>missing</b> field (or a path through something that is not an object) fails every operator, <c>Not</c> or
/// not, except <see cref="FilterOperator.Any"/> and <c>Not Exists</c>, which pass.</item>
/// <item><see cref="FilterOperator.Exists"/>: the field is present; null counts as present.</item>
/// <item><see cref="FilterOperator.Is"/>, <see cref="FilterOperator.StartsWith"/>, <see cref="FilterOperator.EndsWith"/>,
/// <see cref="FilterOperator.Contains"/> and <see cref="FilterOperator.In"/> compare text ordinally, or ordinally
/// ignoring case when <see cref="MatchFilter.CaseSensitive"/> is false. So <c>Is 'null'</c> matches a JSON null
/// and <c>Is '42'</c> the number 42.</item>
/// <item><see cref="FilterOperator.Like"/> is <c>Regex.IsMatch</c> on the text: a search, unless the pattern is
/// anchored with <c>^…$</c>. A match that runs past the timeout fails the filter, under <c>Not</c> too, and never throws.</item>
/// <item><see cref="FilterOperator.GreaterThan"/> and <see cref="FilterOperator.LessThan"/> compare decimals: the field
/// must be a JSON number or a string holding a number in invariant culture (<c>"49.90"</c>, <c>"1e3"</c>, white space
/// around it allowed). A JSON
/// number beyond decimal's range is compared as a double. Any other field is "not a number" and fails, under
/// <c>Not</c> too; in an array, elements that are not numbers are skipped.</item>
/// <item><c>Not</c> inverts the comparison of a present field, and nothing else: a missing field, a timed-out
/// pattern and a field that is not a number fail either way.</item>
/// </list>
/// </remarks>
public sealed class FilterSet
{
    /// <summary>The most filters a listener can have; Validate reports more at index 20, property <c>field</c>.</summary>
    public const int MaxFilters = 20;

    public const int MaxValueLength = 1000;

    /// <summary>The most values an <see cref="FilterOperator.In"/> list can hold.</summary>
    public const int MaxListItems = 100;

    private readonly CompiledFilter[] compiled;

    private FilterSet(CompiledFilter[] compiled)
    {
        this.compiled = compiled;
        Filters = Array.AsReadOnly(Array.ConvertAll(compiled, c => c.Definition));
    }

    /// <summary>The set without filters: it matches every payload.</summary>
    public static FilterSet MatchAll { get; } = new([]);

    public IReadOnlyList<MatchFilter> Filters { get; }

    /// <summary>Each filter's condition in words, as the preview words it: <c>name starts with 'J'</c>.</summary>
    public IReadOnlyList<string> Requirements => Array.ConvertAll(compiled, c => c.Requirement);

    /// <summary>
    /// Every reason the filters cannot be saved, each naming the filter's position, the property to fix and how;
    /// empty when they can be compiled.
    /// </summary>
    /// <remarks>
    /// The rules: a field is a valid path (<see cref="PayloadFields.IsValidPath"/>); the operator is defined;
    /// <see cref="FilterOperator.Any"/> and <see cref="FilterOperator.Exists"/> take no value; <see cref="FilterOperator.Is"/>
    /// needs a value but may compare with an empty one; every other operator needs a non-empty value; a value is at most
    /// <see cref="MaxValueLength"/> characters; a Like value is a .NET regular expression; an In value is a JSON array of
    /// strings or comma-separated values (trimmed, none empty), at most <see cref="MaxListItems"/>; a GreaterThan or
    /// LessThan value is a decimal number in invariant culture; Not Any is refused (it would match no event; Not Exists
    /// says "the field is absent"). All errors are reported, not the first.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="regexTimeout"/> is not positive.</exception>
    public static IReadOnlyList<FilterError> Validate(IReadOnlyList<MatchFilter> filters, TimeSpan regexTimeout)
    {
        var errors = new List<FilterError>();
        FilterCompiler.CompileAll(filters, regexTimeout, errors);
        return errors;
    }

    /// <summary>Compiles the filters: patterns, numbers and lists are parsed once here, not per event.</summary>
    /// <param name="regexTimeout">How long one <see cref="FilterOperator.Like"/> match may run before the filter fails.</param>
    /// <exception cref="ArgumentException">The filters are not valid; the message lists what <see cref="Validate"/> reports.</exception>
    public static FilterSet Compile(IReadOnlyList<MatchFilter> filters, TimeSpan regexTimeout)
    {
        var errors = new List<FilterError>();
        var compiled = FilterCompiler.CompileAll(filters, regexTimeout, errors);
        if (errors.Count > 0)
        {
            var reasons = string.Join(" ", errors.Select(e => $"Filter {e.Index + 1}, {e.Property}: {e.Message}"));
            throw new ArgumentException($"The filters are not valid. {reasons}", nameof(filters));
        }

        return compiled.Length == 0 ? MatchAll : new FilterSet(compiled!);
    }

    /// <summary>Whether the payload passes every filter; stops at the first that fails and explains nothing.</summary>
    public bool Matches(JsonElement payload)
    {
        foreach (var filter in compiled)
        {
            if (filter.Evaluate(payload) != Verdict.Passed)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Runs every filter, without stopping at the first failure, and says in words how each fared, for the
    /// filter preview: <c>name does not start with 'J'</c>. <see cref="MatchResult.Matched"/> always agrees with
    /// <see cref="Matches"/>.
    /// </summary>
    public MatchResult Explain(JsonElement payload)
    {
        var outcomes = new FilterOutcome[compiled.Length];
        for (var index = 0; index < compiled.Length; index++)
        {
            var filter = compiled[index];
            var verdict = filter.Evaluate(payload);
            outcomes[index] = new FilterOutcome(index, filter.Definition, verdict == Verdict.Passed, filter.Explain(payload, verdict));
        }

        return new MatchResult(Array.TrueForAll(outcomes, o => o.Passed), outcomes);
    }
}
