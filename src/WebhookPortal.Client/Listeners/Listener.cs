namespace WebhookPortal.Client;

/// <summary>A listener with all its settings. The signing secret appears in full only in the answer that made it.</summary>
/// <param name="Id">The listener's id (<c>lst_…</c>).</param>
/// <param name="Hook">The hook whose events it receives.</param>
/// <param name="Url">Where deliveries go.</param>
/// <param name="Description">What it is for.</param>
/// <param name="Enabled">Whether it receives deliveries now.</param>
/// <param name="DisabledReason">Why it was turned off, when it was.</param>
/// <param name="DisabledAt">When it was turned off.</param>
/// <param name="Headers">Custom headers its deliveries carry.</param>
/// <param name="Filters">Its match filters.</param>
/// <param name="SecretHint">The secret masked but for its last characters (<c>whsec_••••••••abcd</c>).</param>
/// <param name="PreviousSecretExpiresAt">After a rotation: until when deliveries are also signed with the previous secret.</param>
/// <param name="ConsecutiveFailures">Failed attempts in a row; a success resets it.</param>
/// <param name="CreatedAt">When it was made.</param>
/// <param name="UpdatedAt">When it last changed.</param>
/// <param name="Version">Grows with every change; send it back with an update.</param>
/// <param name="OwnerAccountId">The customer account that owns it.</param>
public sealed record Listener(
    string Id,
    string Hook,
    string Url,
    string Description,
    bool Enabled,
    string? DisabledReason,
    DateTimeOffset? DisabledAt,
    IReadOnlyList<ListenerHeader> Headers,
    IReadOnlyList<MatchFilter> Filters,
    string SecretHint,
    DateTimeOffset? PreviousSecretExpiresAt,
    int ConsecutiveFailures,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    int Version,
    int? OwnerAccountId)
{
    /// <summary>The full signing secret (<c>whsec_…</c>): only after create; store it, it is not shown again.</summary>
    public string? Secret { get; init; }

    /// <summary>After a save: why deliveries to the URL may not arrive (refused by the egress rules, or the host does not resolve).</summary>
    public IReadOnlyList<string>? Warnings { get; init; }
}
