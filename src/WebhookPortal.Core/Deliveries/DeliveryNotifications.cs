namespace WebhookPortal.Core.Deliveries;

/// <summary>A sender claimed a delivery and is about to send it.</summary>
public sealed record AttemptStarted(string DeliveryId, string EventId, string ListenerId, int AttemptNumber, AttemptTrigger Trigger);

/// <summary>An attempt was recorded. <see cref="NextAttemptAt"/> is set when another follows.</summary>
public sealed record AttemptFinished(
    string DeliveryId, string EventId, string ListenerId, int AttemptNumber, bool Succeeded, int? StatusCode,
    AttemptErrorKind ErrorKind, TimeSpan Duration, DateTimeOffset? NextAttemptAt);

/// <summary>A delivery failed for good and is kept for replay.</summary>
public sealed record DeliveryFailed(string DeliveryId, string EventId, string ListenerId, int Attempts, string Reason);

/// <summary>A listener was disabled by its health; its new deliveries are held.</summary>
public sealed record ListenerDisabled(string ListenerId, string Reason);
