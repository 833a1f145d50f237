namespace WebhookPortal.Client;

/// <summary>What enabling a listener does with the deliveries kept while it was disabled.</summary>
public enum HeldDeliveries
{
    /// <summary>Send them now, oldest first.</summary>
    Send,

    /// <summary>Cancel them; they stay in the log as cancelled.</summary>
    Discard,
}
