using Microsoft.Playwright;

namespace WebhookPortal.BrowserTests.Pages;

/// <summary>The form that creates (<c>/hooks/new</c>) or edits (<c>/hooks/{name}/edit</c>) a portal-defined hook.</summary>
public sealed class HookFormPage(IPage page) : PortalShell(page)
{
    public ILocator Name => Page.GetByLabel("Name", new() { Exact = true });

    public ILocator Description => Page.GetByLabel("Description", new() { Exact = true });

    public ILocator SamplePayload => Page.GetByLabel("Sample payload", new() { Exact = true });

    /// <summary>The messages shown beside the fields after a refused save.</summary>
    public ILocator Errors => Page.GetByRole(AriaRole.Alert);

    /// <summary>The text box of the provided field in row <paramref name="row"/>, counted from 1.</summary>
    public ILocator ProvidedField(int row) => Page.GetByLabel($"Provided field {row}", new() { Exact = true });

    public Task AddFieldAsync() => Page.GetByRole(AriaRole.Button, new() { Name = "Add field" }).ClickAsync();

    public Task BuildSampleAsync() => Page.GetByRole(AriaRole.Button, new() { Name = "Build from fields" }).ClickAsync();

    /// <summary>Clicks the save button, "Create hook" on a new hook and "Save changes" on an existing one.</summary>
    public Task SaveAsync(string buttonText) => Page.GetByRole(AriaRole.Button, new() { Name = buttonText }).ClickAsync();
}
