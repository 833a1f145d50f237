namespace WebhookPortal.Core.Deliveries;

/// <summary>
/// A delivery a sender holds under a lease. <see cref="AttemptNumber"/> is also the fence: the result is
/// recorded only while the delivery is still at this attempt, so a sender whose lease was taken over
/// cannot overwrite the newer attempt's outcome.
/// </summary>
public sealed record ClaimedDelivery(
    string Id, string EventId, string ListenerId, int AttemptNumber, AttemptTrigger Trigger, string? TriggeredBy);
