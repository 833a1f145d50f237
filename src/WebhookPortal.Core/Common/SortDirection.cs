namespace WebhookPortal.Core.Common;

public enum SortDirection
{
    Ascending,
    Descending,
}
