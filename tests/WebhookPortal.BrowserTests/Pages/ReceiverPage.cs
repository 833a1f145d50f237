using Microsoft.Playwright;

namespace WebhookPortal.BrowserTests.Pages;

/// <summary>The built-in receiver's front page: its buckets and how to send to one.</summary>
public sealed class ReceiverPage(IPage page) : PortalShell(page)
{
    public ILocator ExampleUrl => Page.GetByLabel("Receiver URL", new() { Exact = true });

    public ILocator Bucket(string name) =>
        Page.GetByLabel("Buckets", new() { Exact = true }).GetByRole(AriaRole.Row)
            .Filter(new() { Has = Page.GetByRole(AriaRole.Link, new() { Name = name, Exact = true }) });

    public async Task OpenAsync()
    {
        await Page.GotoAsync("receiver");
        await WaitUntilInteractiveAsync();
    }

    public Task OpenAsync(string bucket) => Bucket(bucket).GetByRole(AriaRole.Link, new() { Name = bucket, Exact = true }).ClickAsync();
}
