using Microsoft.Playwright;

namespace WebhookPortal.BrowserTests.Pages;

/// <summary>The inbound source grid.</summary>
public sealed class SourceListPage(IPage page) : PortalShell(page)
{
    public ILocator Row(string name) =>
        Page.GetByRole(AriaRole.Grid).GetByRole(AriaRole.Row).Filter(new() { Has = Page.GetByRole(AriaRole.Link, new() { Name = name, Exact = true }) });

    public async Task OpenAsync()
    {
        await Page.GotoAsync("sources");
        await WaitUntilInteractiveAsync();
    }

    public Task NewSourceAsync() => Page.GetByRole(AriaRole.Button, new() { Name = "New source" }).ClickAsync();

    public Task OpenAsync(string name) => Row(name).GetByRole(AriaRole.Link, new() { Name = name, Exact = true }).ClickAsync();
}
