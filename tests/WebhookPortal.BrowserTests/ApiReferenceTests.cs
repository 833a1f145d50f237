using System.Text.RegularExpressions;
using WebhookPortal.BrowserTests.Infrastructure;
using WebhookPortal.BrowserTests.Pages;
using static Microsoft.Playwright.Assertions;

namespace WebhookPortal.BrowserTests;

/// <summary>An admin reads how to create a listener in the API reference, in light and dark theme.</summary>
public sealed class ApiReferenceTests(PortalBrowserFixture portal) : IClassFixture<PortalBrowserFixture>
{
    [Fact]
    public async Task Reference_OpensAnOperationsDetails_FromTheSidebar()
    {
        var page = await portal.NewPageAsync();
        var dashboard = new DashboardPage(page);
        await dashboard.OpenAsync();
        await dashboard.NavigateBySidebarAsync("API reference");

        var reference = new ApiReferencePage(page);
        await Expect(page).ToHaveURLAsync(new Regex("/api-reference$"));
        await Expect(reference.Heading).ToHaveTextAsync("API reference");
        await Expect(reference.Sections).ToContainTextAsync("Listeners");
        await Expect(reference.Sections).ToContainTextAsync("Deliveries");
        await reference.ScreenshotAsync("api-reference");

        await reference.Operation("Listeners", "Create a listener").ClickAsync();
        await Expect(reference.RequestExample("CreateListener")).ToBeVisibleAsync();
        await Expect(reference.RequestExample("CreateListener")).ToContainTextAsync("\"hook\": \"order.paid\"");
        await Expect(reference.RequestFields("CreateListener")).ToContainTextAsync("filters");
        var details = reference.Section("Listeners");
        await Expect(details).ToContainTextAsync("201");
        await Expect(details).ToContainTextAsync("needs Authorization: Bearer <key>");
        await reference.RequestFields("CreateListener").ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(PortalBrowserFixture.ScreenshotFolder, "api-reference-operation.png") });

        await reference.SwitchThemeAsync();
        await Expect(page.Locator("#radzen-theme-link")).ToHaveAttributeAsync("href", new Regex("material-dark"));
        await reference.RequestExample("CreateListener").ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(PortalBrowserFixture.ScreenshotFolder, "api-reference-operation-dark.png") });
    }
}
