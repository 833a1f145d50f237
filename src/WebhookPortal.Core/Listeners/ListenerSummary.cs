using WebhookPortal.Core.Filters;

namespace WebhookPortal.Core.Listeners;

/// <summary>One row of the listener grid.</summary>
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
    string? OwnerEmail = null);
