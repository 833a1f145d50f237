namespace WebhookPortal.Client;

/// <summary>One row of the delivery log: one event sent to one listener.</summary>
/// <param name="Id">The delivery's id (<c>dlv_…</c>); the receiver sees it as <c>webhook-id</c>.</param>
/// <param name="EventId">The event delivered.</param>
/// <param name="Hook">The event's hook.</param>
/// <param name="ListenerId">The listener it goes to.</param>
/// <param name="ListenerUrl">The listener's URL.</param>
/// <param name="ListenerDeleted">Whether the listener has since been deleted.</param>
/// <param name="OwnerEmail">The listener owner's email, when it has one.</param>
/// <param name="Status">Where the delivery is.</param>
/// <param name="Held">Kept, unsent, while its listener is disabled.</param>
/// <param name="AttemptCount">Attempts so far.</param>
/// <param name="LastResponseStatus">The HTTP status of the last attempt, when it got an answer.</param>
/// <param name="CreatedAt">When the event made it.</param>
/// <param name="LastAttemptAt">When it was last tried.</param>
/// <param name="NextAttemptAt">When it is (or was) due next.</param>
public sealed record DeliverySummary(
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
