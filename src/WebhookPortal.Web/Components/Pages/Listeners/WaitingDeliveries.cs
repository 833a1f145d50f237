using Radzen;
using WebhookPortal.Core.Listeners;

namespace WebhookPortal.Web.Components.Pages.Listeners;

/// <summary>
/// How the listener pages speak of deliveries held while a listener is disabled: they are kept, and when it is
/// enabled again the admin chooses to send them all or discard them.
/// </summary>
public static class WaitingDeliveries
{
    public static string Sentence(int count) => count switch
    {
        0 => "No deliveries are waiting for it.",
        1 => "1 delivery is waiting; it will be sent when the listener is enabled again.",
        _ => $"{count} deliveries are waiting; they will be sent when the listener is enabled again.",
    };

    /// <summary>
    /// What to do with the held deliveries when the listener is enabled: send them when none wait, otherwise the
    /// admin's choice; null when the admin keeps it disabled.
    /// </summary>
    public static async Task<HeldDeliveries?> ChooseOnEnableAsync(DialogService dialogs, int count)
    {
        if (count == 0)
        {
            return HeldDeliveries.Send;
        }

        return await dialogs.OpenAsync<EnableListenerDialog>("Enable this listener?",
            new Dictionary<string, object?> { [nameof(EnableListenerDialog.Count)] = count },
            new DialogOptions { Width = "34rem", CloseDialogOnEsc = true }) as HeldDeliveries?;
    }
}
