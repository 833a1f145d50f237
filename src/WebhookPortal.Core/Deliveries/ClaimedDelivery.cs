using Microsoft.Extensions.Logging;

namespace WebhookPortal.Core.Deliveries;

/// <summary>
/// A delivery a sender holds under a lease. <see cref="AttemptNumber"/> is also the fence: the result is
/// recorded only while the delivery is still at this attempt, so a sender whose lease was taken over
/// cannot overwrite the newer attempt's outcome.
/// </summary>
public sealed record ClaimedDelivery(
    string Id, string EventId, string ListenerId, int AttemptNumber, AttemptTrigger Trigger, string? TriggeredBy)
{
    /// <summary>
    /// A log scope with the ids every entry about this attempt carries: as named values for structured sinks, and
    /// as one readable line where the console shows scopes.
    /// </summary>
    public IDisposable? BeginLogScope(ILogger logger) => logger.BeginScope(
        "Delivery {DeliveryId} of event {EventId} to listener {ListenerId}, attempt {AttemptNumber}", Id, EventId, ListenerId, AttemptNumber);
}
