namespace WebhookPortal.Client;

/// <summary>A listener's new signing secret.</summary>
/// <param name="Secret">The new secret in full (<c>whsec_…</c>); it is not shown again.</param>
/// <param name="PreviousSecretExpiresAt">Until when deliveries carry a second signature made with the previous secret.</param>
/// <param name="Version">The listener's version after the rotation.</param>
public sealed record RotatedSecret(string Secret, DateTimeOffset PreviousSecretExpiresAt, int Version);
