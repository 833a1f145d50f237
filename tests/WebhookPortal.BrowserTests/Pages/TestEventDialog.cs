using Microsoft.Playwright;

namespace WebhookPortal.BrowserTests.Pages;

/// <summary>"Send test event", on a hook's page and on a listener's page: a payload box and a Send button.</summary>
public sealed class TestEventDialog(IPage page)
{
    private ILocator Dialog => page.GetByRole(AriaRole.Dialog);

    public ILocator Payload => Dialog.GetByRole(AriaRole.Textbox, new() { Name = "Payload", Exact = true });

    /// <summary>Whether the listener's filters would let the payload through.</summary>
    public ILocator FilterCheck => Dialog.GetByRole(AriaRole.Status, new() { Name = "Filter check" });

    /// <summary>The service's messages beside the payload box.</summary>
    public ILocator Errors => Dialog.GetByRole(AriaRole.Alert);

    public Task OpenAsync() => page.GetByRole(AriaRole.Button, new() { Name = "Send test event" }).ClickAsync();

    /// <summary>Replaces the payload and leaves the box, which checks it.</summary>
    public async Task FillAsync(string payload)
    {
        await Payload.FillAsync(payload);
        await Payload.BlurAsync();
    }

    public Task SendAsync() => Dialog.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true }).ClickAsync();
}
