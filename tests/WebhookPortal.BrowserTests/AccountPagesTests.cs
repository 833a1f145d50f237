using System.Text.RegularExpressions;
using Microsoft.Playwright;
using WebhookPortal.BrowserTests.Infrastructure;
using WebhookPortal.BrowserTests.Pages;
using static Microsoft.Playwright.Assertions;

namespace WebhookPortal.BrowserTests;

/// <summary>An admin creates a customer account, makes it an API key, and finds both in the audit trail.</summary>
public sealed class AccountPagesTests(PortalBrowserFixture portal) : IClassFixture<PortalBrowserFixture>
{
    [Fact]
    public async Task Admin_CreatesACustomerAccount_MakesItAKey_AndSeesBothInTheAuditTrail()
    {
        var page = await portal.NewPageAsync();
        var shell = new PortalShell(page);
        await page.GotoAsync("accounts");
        await shell.WaitUntilInteractiveAsync();
        await Expect(shell.Heading).ToHaveTextAsync("Accounts");
        await page.GetByRole(AriaRole.Button, new() { Name = "New account" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "New account" });
        await dialog.GetByLabel("Email").FillAsync("shop@customer.example");
        await dialog.GetByLabel("Display name").FillAsync("The Shop");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/accounts/\\d+$"));
        await Expect(shell.Heading).ToHaveTextAsync("shop@customer.example");
        await page.GetByLabel("New key's name").FillAsync("shop backend");
        await page.GetByRole(AriaRole.Button, new() { Name = "Make a key" }).ClickAsync();
        await Expect(page.GetByLabel("Secret", new() { Exact = true })).ToContainTextAsync("wpk_");
        await shell.ScreenshotAsync("account-new-key");
        await page.GetByRole(AriaRole.Button, new() { Name = "I have stored it" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Grid).Last).ToContainTextAsync("shop backend");
        await shell.ScreenshotAsync("account-details");

        await shell.NavigateBySidebarAsync("Audit trail");
        await Expect(shell.Heading).ToHaveTextAsync("Audit trail");
        await Expect(page.GetByRole(AriaRole.Grid)).ToContainTextAsync("Account shop@customer.example created as Customer");
        await Expect(page.GetByRole(AriaRole.Grid)).ToContainTextAsync("API key 'shop backend'");
        await shell.ScreenshotAsync("audit-trail");

        await page.GotoAsync("account", new() { WaitUntil = WaitUntilState.NetworkIdle });
        await shell.WaitUntilInteractiveAsync();
        await Expect(shell.Heading).ToHaveTextAsync("Your account");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Change password" })).ToBeVisibleAsync();
        await shell.ScreenshotAsync("your-account");
    }

    [Fact]
    public async Task SignIn_RefusesAWrongPassword_WithAMessage_AndStaysOnTheForm()
    {
        var page = await portal.NewAnonymousPageAsync();
        var signIn = new SignInPage(page);

        await signIn.SignInAsync(TestSupport.PortalAppFactory.AdminEmail, "not-the-password");

        await Expect(page).ToHaveURLAsync(new Regex("/sign-in"));
        await Expect(signIn.Error).ToContainTextAsync("The email or password is not right.");
        await signIn.ScreenshotAsync("sign-in-refused");
    }
}
