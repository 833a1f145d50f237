using Microsoft.Playwright;

namespace WebhookPortal.BrowserTests.Pages;

/// <summary>One hook: where its events come from, its provided fields and its sample payload.</summary>
public sealed class HookDetailsPage(IPage page) : PortalShell(page)
{
    public ILocator ProvidedFields => Page.GetByRole(AriaRole.List, new() { Name = "Provided fields" }).GetByRole(AriaRole.Listitem);

    public ILocator SamplePayload => Page.GetByLabel("Sample payload", new() { Exact = true }).Locator("pre");
}
