namespace WebhookPortal.Core.Listeners;

/// <summary>What becomes of the deliveries held while a listener was disabled, when it is enabled again.</summary>
public enum HeldDeliveries
{
    /// <summary>Send them all, oldest first, as if they had just become due.</summary>
    Send,

    /// <summary>Cancel them: the receiver no longer wants what it missed.</summary>
    Discard,
}
