using Microsoft.Playwright;

namespace WebhookPortal.BrowserTests.Pages;

/// <summary>The demo's People section: a grid of people and the dialog that adds or edits one.</summary>
public sealed class PeoplePage(IPage page) : PortalShell(page)
{
    public ILocator Grid => Page.GetByRole(AriaRole.Grid);

    private ILocator Dialog => Page.GetByRole(AriaRole.Dialog);

    public ILocator Row(string name) => Grid.GetByRole(AriaRole.Row).Filter(new() { HasText = name });

    /// <summary>The notification shown after a save, which names the event it published.</summary>
    public ILocator Notification(string summary) => Page.Locator(".rz-notification-item").Filter(new() { HasText = summary });

    /// <summary>Closes the notification, or waits for it to close itself (it lasts 8 seconds), so it hides nothing later.</summary>
    public async Task CloseNotificationAsync(string summary)
    {
        try
        {
            await Notification(summary).GetByRole(AriaRole.Button, new() { Name = "Close" }).ClickAsync(new() { Timeout = 2_000 });
        }
        catch (TimeoutException)
        {
            // It went away on its own meanwhile.
        }

        await Assertions.Expect(Notification(summary)).ToHaveCountAsync(0, new() { Timeout = 15_000 });
    }

    public async Task OpenAsync()
    {
        await Page.GotoAsync("people");
        await WaitUntilInteractiveAsync();
    }

    /// <summary>Opens the form with "Add person", fills it in and saves it.</summary>
    public async Task AddAsync(string name, string address, string secret)
    {
        await Page.GetByRole(AriaRole.Button, new() { Name = "Add person" }).ClickAsync();
        await Dialog.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
        await Dialog.GetByLabel("Address", new() { Exact = true }).FillAsync(address);
        await Dialog.GetByLabel("Secret", new() { Exact = true }).FillAsync(secret);
        await Dialog.GetByRole(AriaRole.Button, new() { Name = "Add person" }).ClickAsync();
        await Assertions.Expect(Dialog).ToHaveCountAsync(0);
    }
}
