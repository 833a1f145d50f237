using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace WebhookPortal.BrowserTests.Pages;

/// <summary>The event list: newest first, with hook and origin filters.</summary>
public sealed class EventListPage(IPage page) : PortalShell(page)
{
    public ILocator Grid => Page.GetByRole(AriaRole.Grid);

    /// <summary>The rows of one hook's events.</summary>
    public ILocator Rows(string hook) =>
        Grid.GetByRole(AriaRole.Row).Filter(new() { Has = Page.GetByText(hook, new() { Exact = true }) });

    public async Task OpenAsync()
    {
        await Page.GotoAsync("events");
        await WaitUntilInteractiveAsync();
    }

    /// <summary>Opens the event of the row by its id link.</summary>
    public Task OpenAsync(ILocator row) =>
        row.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^evt_") }).ClickAsync();
}
