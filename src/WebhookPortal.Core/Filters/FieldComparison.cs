namespace WebhookPortal.Core.Filters;

/// <summary>Whether one present value satisfies a filter's comparison, before <c>Not</c> is applied.</summary>
internal enum FieldComparison
{
    Holds,

    DoesNotHold,

    NotANumber,

    TimedOut,
}
