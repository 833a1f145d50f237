namespace WebhookPortal.Client;

/// <summary>A delivery with its payload and every attempt, oldest first.</summary>
/// <param name="Delivery">The delivery as the log shows it.</param>
/// <param name="Payload">The JSON body every attempt sends.</param>
/// <param name="CompletedAt">When it succeeded or failed for good.</param>
/// <param name="NextTrigger">What the next attempt will count as (<see cref="AttemptTrigger.Replay"/> after a replay).</param>
/// <param name="NextTriggeredBy">Who asked for the next attempt, when someone did.</param>
/// <param name="Attempts">Every attempt, oldest first.</param>
/// <param name="Replayable">Whether it may be replayed now: finished, and its listener still exists.</param>
/// <param name="NextAttemptAt">When the next attempt is due, while one is.</param>
public sealed record DeliveryDetails(
    DeliverySummary Delivery,
    string Payload,
    DateTimeOffset? CompletedAt,
    AttemptTrigger NextTrigger,
    string? NextTriggeredBy,
    IReadOnlyList<DeliveryAttempt> Attempts,
    bool Replayable,
    DateTimeOffset? NextAttemptAt);
