using Microsoft.Playwright;

namespace WebhookPortal.BrowserTests.Pages;

/// <summary>One bucket of the built-in receiver: the requests it recorded, newest first, each expandable.</summary>
public sealed class ReceiverBucketPage(IPage page) : PortalShell(page)
{
    private ILocator Grid => Page.GetByLabel("Requests", new() { Exact = true });

    /// <summary>One row per request (an expanded request's details are not a request).</summary>
    public ILocator Requests => Grid.GetByRole(AriaRole.Row).Filter(new() { Has = ExpandButtons });

    public ILocator RequestCount => Page.GetByLabel("Request count", new() { Exact = true });

    /// <summary>Shown once the page is live and follows what arrives.</summary>
    public ILocator LiveNote => Page.GetByText("Updates every 2 s");

    public ILocator Empty => Page.GetByText("Nothing has arrived in this bucket yet");

    private ILocator ExpandButtons => Page.GetByRole(AriaRole.Button, new() { Name = "Show the headers and body" });

    /// <summary>The details of an expanded request, by the id the receiver answered with.</summary>
    public ILocator Details(string requestId) => Page.GetByLabel($"Request {requestId}", new() { Exact = true });

    public ILocator Headers(string requestId) => Details(requestId).GetByLabel("Headers", new() { Exact = true });

    public ILocator Body(string requestId) => Details(requestId).GetByLabel("Body", new() { Exact = true });

    public async Task OpenAsync(string bucket)
    {
        await Page.GotoAsync($"receiver/{bucket}");
        await WaitUntilInteractiveAsync();
    }

    public Task ExpandAsync(ILocator request) => request.GetByRole(AriaRole.Button, new() { Name = "Show the headers and body" }).ClickAsync();

    public async Task ClearAsync()
    {
        await Page.GetByRole(AriaRole.Button, new() { Name = "Clear", Exact = true }).ClickAsync();
        await Page.GetByRole(AriaRole.Alertdialog, new() { Name = "Clear this bucket?" })
            .GetByRole(AriaRole.Button, new() { Name = "Clear", Exact = true }).ClickAsync();
    }
}
