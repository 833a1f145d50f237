using Microsoft.Playwright;

namespace WebhookPortal.BrowserTests.Pages;

/// <summary>One delivery: its facts, payload and attempts, and the replay button.</summary>
public sealed class DeliveryPage(IPage page) : PortalShell(page)
{
    public ILocator Attempts => Page.GetByLabel("Attempts", new() { Exact = true });

    public ILocator Attempt(int number) => Page.GetByLabel($"Attempt {number}", new() { Exact = true });

    public ILocator ResponseBody(int number) => Page.GetByLabel($"Response body of attempt {number}", new() { Exact = true });

    public async Task ReplayAsync()
    {
        await Page.GetByRole(AriaRole.Button, new() { Name = "Replay", Exact = true }).ClickAsync();
        await Page.GetByRole(AriaRole.Alertdialog, new() { Name = "Replay this delivery?" })
            .GetByRole(AriaRole.Button, new() { Name = "Replay", Exact = true }).ClickAsync();
    }
}
