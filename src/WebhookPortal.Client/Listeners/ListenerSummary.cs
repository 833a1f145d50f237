namespace WebhookPortal.Client;

/// <summary>A listener as a list shows it.</summary>
/// <param name="Id">The listener's id (<c>lst_…</c>).</param>
/// <param name="Hook">The hook whose events it receives.</param>
/// <param name="Url">Where deliveries go.</param>
/// <param name="Description">What it is for.</param>
/// <param name="Enabled">Whether it receives deliveries now.</param>
/// <param name="DisabledReason">Why it was turned off, when it was.</param>
/// <param name="Filters">Its match filters.</param>
/// <param name="CreatedAt">When it was made.</param>
/// <param name="Version">Grows with every change.</param>
/// <param name="OwnerEmail">The owning customer's email, when it has an owner.</param>
public sealed record ListenerSummary(
    string Id,
    string Hook,
    string Url,
    string Description,
    bool Enabled,
    string? DisabledReason,
    IReadOnlyList<MatchFilter> Filters,
    DateTimeOffset CreatedAt,
    int Version,
    string? OwnerEmail);
