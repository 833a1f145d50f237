namespace WebhookPortal.Core.Hooks;

public enum HookSortField
{
    Name,
    Source,
    CreatedAt,
}
