namespace WebhookPortal.Client;

/// <summary>The outcome of checking a webhook: verified, or why not.</summary>
/// <param name="Failure">Why it was refused; <see cref="WebhookVerificationFailure.None"/> when it was verified.</param>
/// <param name="Message">A sentence saying what was found, for logs (never the secret).</param>
/// <param name="WebhookId">The <c>webhook-id</c>: the same on every retry of a delivery, so use it to drop duplicates.</param>
/// <param name="Timestamp">When the sender signed it, when the header could be read.</param>
public sealed record WebhookVerificationResult(
    WebhookVerificationFailure Failure, string Message, string? WebhookId, DateTimeOffset? Timestamp)
{
    /// <summary>Whether the webhook is genuine and fresh.</summary>
    public bool IsValid => Failure == WebhookVerificationFailure.None;
}
