namespace WebhookPortal.Client;

/// <summary>Where a delivery is: <c>Pending → Sending → Succeeded | Failed</c>, or <c>Cancelled</c>.</summary>
public enum DeliveryStatus
{
    /// <summary>Waiting for its next attempt (or held while its listener is disabled).</summary>
    Pending,

    /// <summary>An attempt is under way.</summary>
    Sending,

    /// <summary>The receiver answered 2xx.</summary>
    Succeeded,

    /// <summary>Out of tries, or stopped by the receiver; kept for replay.</summary>
    Failed,

    /// <summary>Will not be sent: its listener was deleted, or its held deliveries discarded.</summary>
    Cancelled,
}
