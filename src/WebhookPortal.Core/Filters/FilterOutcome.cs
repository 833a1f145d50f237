namespace WebhookPortal.Core.Filters;

/// <summary>How one filter fared against one payload, in words: <c>name does not start with 'J'</c>.</summary>
public sealed record FilterOutcome(int Index, MatchFilter Filter, bool Passed, string Explanation);
