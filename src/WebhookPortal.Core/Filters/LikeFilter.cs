using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace WebhookPortal.Core.Filters;

/// <summary>
/// <see cref="FilterOperator.Like"/>: <see cref="Regex.IsMatch(ReadOnlySpan{char})"/> on the field's text, a search
/// unless the pattern anchors itself with <c>^…$</c>. A match that runs past the timeout fails the filter.
/// </summary>
internal sealed class LikeFilter(MatchFilter definition, Regex regex) : ComparisonFilter(definition)
{
    public override string Explain(JsonElement payload, Verdict verdict) => verdict == Verdict.TimedOut
        ? $"{Definition.Field}: the pattern /{regex}/ took longer than {FormatTimeout(regex.MatchTimeout)}, so the filter fails"
        : base.Explain(payload, verdict);

    protected override FieldComparison Compare(JsonElement element)
    {
        Span<char> buffer = stackalloc char[FieldText.StackBufferLength];
        var text = FieldText.Read(element, buffer);
        try
        {
            return regex.IsMatch(text) ? FieldComparison.Holds : FieldComparison.DoesNotHold;
        }
        catch (RegexMatchTimeoutException)
        {
            return FieldComparison.TimedOut;
        }
    }

    protected override string Describe(bool holds) => holds ? $"matches /{regex}/" : $"does not match /{regex}/";

    private static string FormatTimeout(TimeSpan timeout) => timeout < TimeSpan.FromSeconds(1)
        ? timeout.TotalMilliseconds.ToString("0.###", CultureInfo.InvariantCulture) + " ms"
        : timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s";
}
