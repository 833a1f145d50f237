namespace WebhookPortal.Core.Events;

/// <summary>One row of the event list.</summary>
public sealed record EventSummary(
    string Id, string Hook, EventOrigin Origin, string? OriginDetail, int DeliveryCount, DateTimeOffset CreatedAt);
