using Microsoft.Playwright;

namespace WebhookPortal.BrowserTests.Pages;

/// <summary>A source's form (new and details pages), its endpoint card, refused-request grid and the one-time secret dialog.</summary>
public sealed class SourcePage(IPage page) : PortalShell(page)
{
    public ILocator EndpointUrl => Page.GetByLabel("Endpoint URL", new() { Exact = true });

    public ILocator SecretInDialog => Page.GetByRole(AriaRole.Dialog).GetByLabel("Secret", new() { Exact = true });

    public ILocator Rejections => Page.GetByRole(AriaRole.Grid); // the only grid on the page

    public ILocator StateBadge => Page.Locator(".rz-badge").Filter(new() { HasTextRegex = new System.Text.RegularExpressions.Regex("^(Enabled|Disabled)$") });

    public ILocator FieldError(string text) => Page.GetByRole(AriaRole.Alert).Filter(new() { HasText = text });

    public Task FillAsync(string label, string value) => Page.GetByRole(AriaRole.Textbox, new() { Name = label, Exact = true }).FillAsync(value);

    /// <summary>The secret box is a password input, which has no textbox role.</summary>
    public Task FillSecretAsync(string value) => Page.GetByLabel("Secret", new() { Exact = true }).FillAsync(value);

    public async Task ChooseAsync(string dropdown, string option)
    {
        await Page.GetByRole(AriaRole.Combobox, new() { Name = dropdown, Exact = true }).ClickAsync();
        await Page.GetByRole(AriaRole.Option, new() { Name = option, Exact = true }).ClickAsync();
    }

    public Task ClickAsync(string buttonText) => Page.GetByRole(AriaRole.Button, new() { Name = buttonText, Exact = true }).ClickAsync();

    public async Task CloseSecretDialogAsync()
    {
        await Page.GetByRole(AriaRole.Button, new() { Name = "I have stored it" }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0);
    }

    public Task ConfirmAsync(string question, string buttonText) =>
        Page.GetByRole(AriaRole.Alertdialog, new() { Name = question })
            .GetByRole(AriaRole.Button, new() { Name = buttonText, Exact = true }).ClickAsync();
}
