using Microsoft.Playwright;

namespace WebhookPortal.BrowserTests.Pages;

/// <summary>The home page: the last hour of deliveries, the listeners that need a look, and the catalogue, database and API at a glance.</summary>
public sealed class DashboardPage(IPage page) : PortalShell(page)
{
    public async Task OpenAsync()
    {
        // Tall enough for the whole dashboard in one picture.
        await Page.SetViewportSizeAsync(1400, 1500);
        await Page.GotoAsync("");
        await WaitUntilInteractiveAsync();
    }

    public ILocator HookCount => Page.GetByLabel("Number of hooks");

    public ILocator DatabaseCard => Page.GetByLabel("Database", new() { Exact = true });

    public ILocator SuccessRate => Page.GetByLabel("Success rate");

    public ILocator MedianLatency => Page.GetByLabel("Median latency");

    public ILocator QueueDepth => Page.GetByLabel("Queue depth");

    public ILocator OldestPending => Page.GetByLabel("Oldest pending");

    public ILocator Chart => Page.GetByLabel("Attempts per minute");

    /// <summary>The chart's columns, drawn once the chart has measured itself in the browser.</summary>
    public ILocator ChartBars => Chart.Locator("svg path");

    public ILocator FailingListeners => Page.GetByLabel("Failing listeners", new() { Exact = true });

    public ILocator DisabledListeners => Page.GetByLabel("Disabled listeners", new() { Exact = true });
}
