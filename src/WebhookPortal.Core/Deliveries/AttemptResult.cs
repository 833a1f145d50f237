namespace WebhookPortal.Core.Deliveries;

/// <summary>What one HTTP try came to, as the retry policy needs it.</summary>
/// <param name="StatusCode">The response status, when there was a response.</param>
/// <param name="RetryAfter">The response's <c>Retry-After</c>, when it gave one.</param>
/// <param name="AbortRequested">The response carried <c>webhook-delivery: abort</c>: the receiver asks for no more tries.</param>
public sealed record AttemptResult(
    AttemptErrorKind ErrorKind,
    int? StatusCode = null,
    TimeSpan? RetryAfter = null,
    bool AbortRequested = false)
{
    public bool Succeeded => ErrorKind == AttemptErrorKind.None;
}
