namespace WebhookPortal.Core.Deliveries;

/// <summary>Where a delivery is: <c>Pending → Sending → Succeeded | Failed</c>, or <c>Cancelled</c>.</summary>
public enum DeliveryStatus
{
    /// <summary>Waiting for its next attempt (or held while its listener is disabled).</summary>
    Pending = 0,

    /// <summary>Claimed by a sender under a lease.</summary>
    Sending = 1,

    Succeeded = 2,

    /// <summary>Out of tries, or stopped by the receiver; kept for replay.</summary>
    Failed = 3,

    /// <summary>Will not be sent: its listener was deleted.</summary>
    Cancelled = 4,
}
