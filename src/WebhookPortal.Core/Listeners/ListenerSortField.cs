namespace WebhookPortal.Core.Listeners;

public enum ListenerSortField
{
    CreatedAt,
    Url,
    Hook,
}
