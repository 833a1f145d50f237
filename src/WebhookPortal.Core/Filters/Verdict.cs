namespace WebhookPortal.Core.Filters;

/// <summary>How one compiled filter fared against one payload, with <see cref="MatchFilter.Not"/> applied.</summary>
internal enum Verdict
{
    Passed,

    Failed,

    /// <summary>The field is absent: the filter fails, whatever <c>Not</c> says.</summary>
    Missing,

    /// <summary>A numeric filter met a field that is not a number: it fails, whatever <c>Not</c> says.</summary>
    NotANumber,

    /// <summary>A pattern ran past its timeout: it fails, whatever <c>Not</c> says.</summary>
    TimedOut,
}
