using Microsoft.Playwright;

namespace WebhookPortal.BrowserTests.Pages;

/// <summary>The sign-in page: email, password, and the message when they are refused.</summary>
public sealed class SignInPage(IPage page) : PortalShell(page)
{
    public ILocator Error => Page.GetByRole(AriaRole.Alert);

    /// <summary>The note for the first sign-in, naming the file that holds the generated password.</summary>
    public ILocator FirstSignInNote => Page.GetByLabel("First sign-in");

    /// <summary>The password file the note names.</summary>
    public ILocator PasswordFile => FirstSignInNote.Locator("code.wp-wrap");

    /// <summary>Opens the page, fills in the form and waits for the answer (the next page, or the page again with a message).</summary>
    public async Task SignInAsync(string email, string password)
    {
        await Page.GotoAsync("sign-in");
        await Page.GetByLabel("Email").FillAsync(email);
        await Page.GetByLabel("Password").FillAsync(password);
        var answered = Page.WaitForResponseAsync(response => response.Request.Method == "POST" && response.Url.Contains("/sign-in"));
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await answered;
        await Page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
    }
}
