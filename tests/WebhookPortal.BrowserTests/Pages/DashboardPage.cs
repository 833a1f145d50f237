using Microsoft.Playwright;

namespace WebhookPortal.BrowserTests.Pages;

/// <summary>The home page: the catalogue, database and API at a glance.</summary>
public sealed class DashboardPage(IPage page) : PortalShell(page)
{
    public async Task OpenAsync()
    {
        await Page.GotoAsync("");
        await WaitUntilInteractiveAsync();
    }

    public ILocator HookCount => Page.GetByLabel("Number of hooks");

    public ILocator DatabaseCard => Page.GetByLabel("Database", new() { Exact = true });
}
