using Microsoft.Playwright;

namespace WebhookPortal.BrowserTests.Pages;

/// <summary>The listener form (new and edit pages), its filter preview and the one-time secret dialog.</summary>
public sealed class ListenerFormPage(IPage page) : PortalShell(page)
{
    private int filterCount;

    public ILocator PreviewResult => Page.GetByRole(AriaRole.Status, new() { Name = "Preview result" });

    public ILocator Payload => Page.GetByRole(AriaRole.Textbox, new() { Name = "Payload to try" });

    public ILocator SecretInDialog => Page.GetByRole(AriaRole.Dialog).GetByLabel("Secret", new() { Exact = true });

    /// <summary>The warning under the URL: deliveries to it would be refused, or its host does not resolve.</summary>
    public ILocator UrlWarning => Page.GetByLabel("URL warning", new() { Exact = true });

    public ILocator Notification(string summary) => Page.Locator(".rz-notification-item").Filter(new() { HasText = summary });

    public ILocator StateBadge => Page.Locator(".rz-badge").Filter(new() { HasTextRegex = new System.Text.RegularExpressions.Regex("^(Enabled|Disabled)$") });

    public async Task ChooseHookAsync(string hook)
    {
        await Page.GetByRole(AriaRole.Combobox, new() { Name = "Hook", Exact = true }).ClickAsync();
        await Page.GetByRole(AriaRole.Option, new() { Name = hook, Exact = true }).ClickAsync();
    }

    public Task FillUrlAsync(string url) => Page.GetByRole(AriaRole.Textbox, new() { Name = "URL", Exact = true }).FillAsync(url);

    public Task FillDescriptionAsync(string text) =>
        Page.GetByRole(AriaRole.Textbox, new() { Name = "Description", Exact = true }).FillAsync(text);

    /// <summary>Adds a filter row and sets it: the field, the operator as the form words it ("starts with"), the value.</summary>
    public async Task AddFilterAsync(string field, string operatorText, string value)
    {
        await Page.GetByRole(AriaRole.Button, new() { Name = "Add filter" }).ClickAsync();
        var n = ++filterCount;
        var row = Page.GetByRole(AriaRole.Group, new() { Name = $"Filter {n}", Exact = true });
        await row.GetByRole(AriaRole.Combobox, new() { Name = $"Field of filter {n}" }).ClickAsync();
        await Page.GetByRole(AriaRole.Option, new() { Name = field, Exact = true }).ClickAsync();
        await row.GetByRole(AriaRole.Combobox, new() { Name = $"Operator of filter {n}" }).ClickAsync();
        await Page.GetByRole(AriaRole.Option, new() { Name = operatorText, Exact = true }).ClickAsync();
        await row.GetByRole(AriaRole.Textbox, new() { Name = $"Value of filter {n}" }).FillAsync(value);
    }

    public Task SaveAsync(string buttonText) => Page.GetByRole(AriaRole.Button, new() { Name = buttonText }).ClickAsync();

    /// <summary>Closes the one-time secret dialog and waits until it has faded away.</summary>
    public async Task CloseSecretDialogAsync()
    {
        await Page.GetByRole(AriaRole.Button, new() { Name = "I have stored it" }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0);
    }

    public Task ClickAsync(string buttonText) => Page.GetByRole(AriaRole.Button, new() { Name = buttonText, Exact = true }).ClickAsync();

    /// <summary>Answers the confirmation dialog with this title by the named button.</summary>
    public Task ConfirmAsync(string question, string buttonText) =>
        Page.GetByRole(AriaRole.Alertdialog, new() { Name = question })
            .GetByRole(AriaRole.Button, new() { Name = buttonText, Exact = true }).ClickAsync();
}
