using Radzen;

namespace WebhookPortal.Web.Components.Pages.Listeners;

/// <summary>
/// How the listener pages speak of deliveries held while a listener is disabled: they are kept, and all go
/// out at once when it is enabled again, so enabling one with a backlog is confirmed first.
/// </summary>
public static class WaitingDeliveries
{
    public static string Sentence(int count) => count switch
    {
        0 => "No deliveries are waiting for it.",
        1 => "1 delivery is waiting; it will be sent when the listener is enabled again.",
        _ => $"{count} deliveries are waiting; they will be sent when the listener is enabled again.",
    };

    /// <summary>True when nothing waits, or the admin agrees to send what does.</summary>
    public static async Task<bool> ConfirmEnableAsync(DialogService dialogs, int count)
    {
        if (count == 0)
        {
            return true;
        }

        var confirmed = await dialogs.Confirm(
            count == 1 ? "1 delivery is waiting and will be sent now." : $"{count} deliveries are waiting and will be sent now.",
            "Enable this listener?", new ConfirmOptions { OkButtonText = "Enable and send", CancelButtonText = "Keep it disabled" });
        return confirmed == true;
    }
}
