using Microsoft.Playwright;

namespace WebhookPortal.BrowserTests.Pages;

/// <summary>One event: what it is, its payload and its deliveries.</summary>
public sealed class EventDetailsPage(IPage page) : PortalShell(page)
{
    public ILocator Facts => Page.GetByLabel("About the event", new() { Exact = true });

    public ILocator Payload => Page.GetByLabel("Payload", new() { Exact = true }).Locator("pre");

    public ILocator Deliveries => Page.GetByRole(AriaRole.Grid).GetByRole(AriaRole.Row).Filter(new() { Has = Page.GetByRole(AriaRole.Gridcell) });

    /// <summary>The note shown while the page refreshes itself.</summary>
    public ILocator LiveNote => Page.GetByText("while a delivery is on its way");

    public ILocator Delivery(string listenerUrl) => Deliveries.Filter(new() { HasText = listenerUrl });
}
