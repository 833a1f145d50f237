using Microsoft.Playwright;

namespace WebhookPortal.BrowserTests.Pages;

/// <summary>The delivery log: its filters and its grid.</summary>
public sealed class DeliveryLogPage(IPage page) : PortalShell(page)
{
    public ILocator Grid => Page.GetByRole(AriaRole.Grid);

    public async Task OpenAsync()
    {
        await Page.GotoAsync("deliveries");
        await WaitUntilInteractiveAsync();
    }

    public async Task FilterByStatusAsync(string status)
    {
        await Page.GetByRole(AriaRole.Combobox, new() { Name = "Filter by status" }).ClickAsync();
        await Page.GetByRole(AriaRole.Option, new() { Name = status, Exact = true }).ClickAsync();
    }

    public async Task FilterByUrlAsync(string text)
    {
        var box = Page.GetByLabel("Filter by URL");
        await box.FillAsync(text);
        await box.PressAsync("Enter");
    }

    public Task OpenDeliveryAsync(string id) => Grid.GetByRole(AriaRole.Link, new() { Name = id }).ClickAsync();
}
