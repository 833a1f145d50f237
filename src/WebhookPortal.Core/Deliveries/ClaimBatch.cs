namespace WebhookPortal.Core.Deliveries;

/// <summary>What one claim took, whether more is due already, and otherwise when the next delivery falls due.</summary>
public sealed record ClaimBatch(IReadOnlyList<ClaimedDelivery> Claims, bool MoreDue, DateTimeOffset? NextDueAt);
