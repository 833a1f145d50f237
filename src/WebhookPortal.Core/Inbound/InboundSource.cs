using WebhookPortal.Core.Hooks;

namespace WebhookPortal.Core.Inbound;

/// <summary>
/// A sender of webhooks into the portal, such as a payment provider: requests to <c>/ingest/{name}</c> are
/// verified with its scheme and secret, and each verified body becomes an event of its target hook.
/// </summary>
public sealed class InboundSource
{
    /// <summary>Lowercase letters, digits and dashes; the last segment of the URL the sender posts to.</summary>
    public required string Name { get; set; }

    public int Id { get; set; }

    public string Description { get; set; } = "";

    public InboundScheme Scheme { get; set; }

    /// <summary>
    /// The scheme's secret as given (or generated): the key of the HMAC, or for <see cref="InboundScheme.SharedSecret"/>
    /// the header's expected value. Stored as is, which makes the database file sensitive.
    /// </summary>
    public required string Secret { get; set; }

    /// <summary>The secret before the last rotation, still accepted until <see cref="PreviousSecretExpiresAt"/>.</summary>
    public string? PreviousSecret { get; set; }

    public DateTimeOffset? PreviousSecretExpiresAt { get; set; }

    /// <summary>For <see cref="InboundScheme.SharedSecret"/>: the header that holds the secret (<c>X-Webhook-Token</c>).</summary>
    public string? HeaderName { get; set; }

    /// <summary>The hook whose events the verified requests become.</summary>
    public int HookId { get; set; }

    public Hook Hook { get; set; } = default!;

    /// <summary>A disabled source answers 404, as if it did not exist, and records nothing.</summary>
    public bool Enabled { get; set; } = true;

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The secrets a request may be signed with now: the current one, and the previous one during its overlap.</summary>
    public IReadOnlyList<string> SecretsAt(DateTimeOffset now) =>
        PreviousSecret is { } previous && PreviousSecretExpiresAt > now ? [Secret, previous] : [Secret];
}
