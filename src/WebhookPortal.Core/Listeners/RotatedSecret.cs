namespace WebhookPortal.Core.Listeners;

/// <summary>The new signing secret in full, and until when the previous one is still signed with.</summary>
public sealed record RotatedSecret(string Secret, DateTimeOffset PreviousSecretExpiresAt, int Version);
