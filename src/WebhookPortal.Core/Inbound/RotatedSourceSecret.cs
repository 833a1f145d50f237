namespace WebhookPortal.Core.Inbound;

/// <summary>A source's new secret in full, and until when requests signed with the previous one still pass (null: not at all).</summary>
public sealed record RotatedSourceSecret(string Secret, DateTimeOffset? PreviousSecretExpiresAt);
