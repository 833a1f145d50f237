using WebhookPortal.Core.Deliveries;

namespace WebhookPortal.Core.Events;

/// <summary>One delivery of an event, as the event's page lists it.</summary>
public sealed record EventDelivery(
    string Id,
    string ListenerId,
    string ListenerUrl,
    bool ListenerDeleted,
    DeliveryStatus Status,
    bool Held,
    int AttemptCount,
    DateTimeOffset NextAttemptAt,
    int? LastResponseStatus,
    DateTimeOffset? CompletedAt);
