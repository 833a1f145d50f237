namespace WebhookPortal.Core.Events;

/// <summary>An event with its payload and each of its deliveries.</summary>
public sealed record EventDetails(
    string Id,
    string Hook,
    string Payload,
    EventOrigin Origin,
    string? OriginDetail,
    string? IdempotencyKey,
    DateTimeOffset CreatedAt,
    IReadOnlyList<EventDelivery> Deliveries);
