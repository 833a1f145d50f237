using WebhookPortal.Core.Listeners;

namespace WebhookPortal.Core.Deliveries;

/// <summary>Where and how a listener's deliveries are sent: its URL, secrets and custom headers.</summary>
public sealed record ListenerEndpoint(
    string Url, string Secret, string? PreviousSecret, DateTimeOffset? PreviousSecretExpiresAt, IReadOnlyList<ListenerHeader> Headers)
{
    /// <summary>The secrets to sign with now: the current one, and the previous one during its overlap.</summary>
    public IReadOnlyList<string> SecretsAt(DateTimeOffset now) =>
        PreviousSecret is { } previous && PreviousSecretExpiresAt > now ? [Secret, previous] : [Secret];
}
