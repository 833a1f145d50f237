using Microsoft.Playwright;
using WebhookPortal.BrowserTests.Infrastructure;
using WebhookPortal.BrowserTests.Pages;
using WebhookPortal.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace WebhookPortal.BrowserTests;

/// <summary>A newcomer who started the portal finds on the sign-in page where the generated admin password is.</summary>
public sealed class FirstSignInTests(FirstStartPortalFixture portal) : IClassFixture<FirstStartPortalFixture>
{
    [Fact]
    public async Task SignInPage_NamesThePasswordFile_AndForgetsItOnceTheAdminHasSignedIn()
    {
        var page = await portal.NewAnonymousPageAsync();
        var signIn = new SignInPage(page);
        await page.GotoAsync("sign-in");
        await Expect(signIn.FirstSignInNote).ToContainTextAsync(PortalAppFactory.AdminEmail);
        await Expect(signIn.PasswordFile).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("/bootstrap-admin\\.txt$"));
        await signIn.ScreenshotAsync("first-sign-in");

        var file = await signIn.PasswordFile.InnerTextAsync();
        var password = (await File.ReadAllLinesAsync(file)).Single(l => l.StartsWith("password: ", StringComparison.Ordinal))["password: ".Length..];
        await Expect(signIn.FirstSignInNote).Not.ToContainTextAsync(password);
        await signIn.SignInAsync(PortalAppFactory.AdminEmail, password);
        await Expect(page).Not.ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/sign-in"));

        var later = await portal.NewAnonymousPageAsync();
        await later.GotoAsync("sign-in");
        await Expect(later.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
        await Expect(new SignInPage(later).FirstSignInNote).ToHaveCountAsync(0);
    }
}
