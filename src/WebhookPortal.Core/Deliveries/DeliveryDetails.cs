namespace WebhookPortal.Core.Deliveries;

/// <summary>A delivery with its event's payload and every attempt, oldest first.</summary>
public sealed record DeliveryDetails(
    DeliveryLogRow Delivery,
    string Payload,
    DateTimeOffset? CompletedAt,
    AttemptTrigger NextTrigger,
    string? NextTriggeredBy,
    IReadOnlyList<DeliveryAttempt> Attempts)
{
    /// <summary>Whether support may replay it now: finished, and its listener still exists.</summary>
    public bool Replayable => DeliveryLog.IsReplayable(Delivery.Status, Delivery.ListenerDeleted);

    /// <summary>When the next attempt is due, while one is; null once it is finished or while it waits for its listener.</summary>
    public DateTimeOffset? NextAttemptAt => Delivery is { Status: DeliveryStatus.Pending, Held: false } ? Delivery.NextAttemptAt : null;
}
