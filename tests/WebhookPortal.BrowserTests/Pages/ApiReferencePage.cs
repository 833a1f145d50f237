using Microsoft.Playwright;

namespace WebhookPortal.BrowserTests.Pages;

/// <summary>The API reference: the API's sections, each a list of operations that open to their details.</summary>
public sealed class ApiReferencePage(IPage page) : PortalShell(page)
{
    public ILocator Sections => Page.GetByRole(AriaRole.Navigation, new() { Name = "API sections" });

    public ILocator Section(string name) => Page.GetByRole(AriaRole.Region, new() { Name = name, Exact = true });

    /// <summary>The header of one operation, by its path and summary as shown.</summary>
    public ILocator Operation(string section, string summary) =>
        Section(section).GetByRole(AriaRole.Button).Filter(new() { HasText = summary });

    /// <summary>An operation's request example, by its operation id (<c>CreateListener</c>).</summary>
    public ILocator RequestExample(string operationId) => Page.GetByLabel($"{operationId} request body example", new() { Exact = true });

    public ILocator RequestFields(string operationId) =>
        Page.GetByLabel($"{operationId} request body fields", new() { Exact = true });

    public async Task OpenAsync()
    {
        await Page.GotoAsync("api-reference");
        await WaitUntilInteractiveAsync();
    }
}
