using Radzen;

namespace WebhookPortal.Web.Components.Pages.Listeners;

/// <summary>After a save, the listener URL's warnings (deliveries refused or unresolvable) as notifications.</summary>
public static class UrlWarnings
{
    public static void Notify(NotificationService notifications, IReadOnlyList<string> warnings)
    {
        foreach (var warning in warnings)
        {
            notifications.Notify(new NotificationMessage
            {
                Severity = NotificationSeverity.Warning,
                Summary = "Deliveries may not arrive",
                Detail = warning,
                Duration = 10_000,
            });
        }
    }
}
