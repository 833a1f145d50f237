using Microsoft.Playwright;

namespace WebhookPortal.BrowserTests.Pages;

/// <summary>The listener grid, with its filters and per-row switch and delete.</summary>
public sealed class ListenerListPage(IPage page) : PortalShell(page)
{
    public ILocator Grid => Page.GetByRole(AriaRole.Grid);

    public ILocator Row(string url) =>
        Grid.GetByRole(AriaRole.Row).Filter(new() { Has = Page.GetByRole(AriaRole.Link, new() { Name = url, Exact = true }) });

    public async Task OpenAsync()
    {
        await Page.GotoAsync("listeners");
        await WaitUntilInteractiveAsync();
    }

    public ILocator ColumnHeader(string title) =>
        Grid.Locator("thead th").Filter(new() { HasTextRegex = new System.Text.RegularExpressions.Regex($"^\\s*{title}\\s*$") });

    public Task NewListenerAsync() => Page.GetByRole(AriaRole.Button, new() { Name = "New listener" }).ClickAsync();

    public Task SearchUrlAsync(string text) => Page.GetByLabel("Search URLs").FillAsync(text);

    public Task OpenAsync(string url) => Row(url).GetByRole(AriaRole.Link, new() { Name = url, Exact = true }).ClickAsync();
}
