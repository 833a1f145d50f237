namespace WebhookPortal.Core.Filters;

/// <summary>Whether a payload matches a listener's filters, and each filter's outcome.</summary>
public sealed record MatchResult(bool Matched, IReadOnlyList<FilterOutcome> Outcomes)
{
    /// <summary>The first filter that failed, or null when the payload matches.</summary>
    public FilterOutcome? FirstFailure => Outcomes.FirstOrDefault(o => !o.Passed);
}
