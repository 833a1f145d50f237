namespace WebhookPortal.Core.Inbound;

/// <summary>Whether a header was sent: not at all (or empty), once, or more than once.</summary>
public enum HeaderPresence
{
    Missing,
    Single,
    Repeated,
}
