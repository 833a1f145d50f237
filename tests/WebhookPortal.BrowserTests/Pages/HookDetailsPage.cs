using Microsoft.Playwright;

namespace WebhookPortal.BrowserTests.Pages;

/// <summary>One hook: where its events come from, its provided fields and its sample payload.</summary>
public sealed class HookDetailsPage(IPage page) : PortalShell(page)
{
    public ILocator ProvidedFields => Page.GetByRole(AriaRole.List, new() { Name = "Provided fields" }).GetByRole(AriaRole.Listitem);

    public ILocator SamplePayload => Page.GetByLabel("Sample payload", new() { Exact = true }).Locator("pre");

    public ILocator EditButton => Page.GetByRole(AriaRole.Button, new() { Name = "Edit", Exact = true });

    public ILocator DeleteButton => Page.GetByRole(AriaRole.Button, new() { Name = "Delete", Exact = true });

    /// <summary>The note that replaces Edit and Delete on a hook registered in the application's code.</summary>
    public ILocator DefinedInCodeNote => Page.GetByText("Defined in the application's code");

    /// <summary>The dialog that asks before a delete.</summary>
    public ILocator ConfirmDialog => Page.GetByRole(AriaRole.Alertdialog);

    public async Task OpenAsync(string hookName)
    {
        await Page.GotoAsync($"hooks/{hookName}");
        await WaitUntilInteractiveAsync();
    }

    public Task EditAsync() => EditButton.ClickAsync();

    public Task DeleteAsync() => DeleteButton.ClickAsync();

    /// <summary>Answers the open confirmation dialog with the button of that text.</summary>
    public Task AnswerDialogAsync(string buttonText) =>
        ConfirmDialog.GetByRole(AriaRole.Button, new() { Name = buttonText, Exact = true }).ClickAsync();
}
