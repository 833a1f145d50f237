namespace WebhookPortal.Core.Deliveries;

/// <summary>One row of the delivery log.</summary>
public sealed record DeliveryLogRow(
    string Id,
    string EventId,
    string Hook,
    string ListenerId,
    string ListenerUrl,
    bool ListenerDeleted,
    string? OwnerEmail,
    DeliveryStatus Status,
    bool Held,
    int AttemptCount,
    int? LastResponseStatus,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastAttemptAt,
    DateTimeOffset NextAttemptAt);
