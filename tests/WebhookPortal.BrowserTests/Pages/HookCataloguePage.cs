using Microsoft.Playwright;

namespace WebhookPortal.BrowserTests.Pages;

/// <summary>The hook catalogue: a grid of hooks with a search and a sample payload per row.</summary>
public sealed class HookCataloguePage(IPage page) : PortalShell(page)
{
    public ILocator Grid => Page.GetByRole(AriaRole.Grid);

    public async Task OpenAsync()
    {
        await Page.GotoAsync("hooks");
        await WaitUntilInteractiveAsync();
    }

    public Task StartNewHookAsync() => Page.GetByRole(AriaRole.Button, new() { Name = "New hook" }).ClickAsync();

    public ILocator Row(string hookName) =>
        Grid.GetByRole(AriaRole.Row).Filter(new() { Has = Page.GetByRole(AriaRole.Link, new() { Name = hookName, Exact = true }) });

    public ILocator SamplePayload => Page.GetByLabel("Sample payload", new() { Exact = true });

    public async Task SearchAsync(string text) =>
        await Page.GetByLabel("Search hooks").FillAsync(text);

    /// <summary>Opens the row's detail area, which shows the sample payload.</summary>
    public Task ExpandAsync(string hookName) => Row(hookName).Locator(".rz-row-toggler").ClickAsync();

    public Task OpenDetailsAsync(string hookName) =>
        Grid.GetByRole(AriaRole.Link, new() { Name = hookName, Exact = true }).ClickAsync();
}
