using System.Text.RegularExpressions;
using Microsoft.Playwright;
using WebhookPortal.BrowserTests.Infrastructure;
using WebhookPortal.BrowserTests.Pages;
using static Microsoft.Playwright.Assertions;

namespace WebhookPortal.BrowserTests;

/// <summary>A person finds a hook in the catalogue and reads what it sends, in light and dark theme.</summary>
public sealed class HookCatalogueTests(PortalBrowserFixture portal) : IClassFixture<PortalBrowserFixture>
{
    [Fact]
    public async Task Catalogue_ShowsHookDetails_WhenReachedThroughTheSidebar()
    {
        var page = await portal.NewPageAsync();
        var dashboard = new DashboardPage(page);
        await dashboard.OpenAsync();
        await Expect(dashboard.Heading).ToHaveTextAsync("Dashboard");
        await Expect(dashboard.HookCount).ToHaveTextAsync("3");
        await dashboard.ScreenshotAsync("dashboard");

        await dashboard.NavigateBySidebarAsync("Hooks");
        var catalogue = new HookCataloguePage(page);
        await Expect(page).ToHaveURLAsync(new Regex("/hooks$"));
        await Expect(catalogue.Heading).ToHaveTextAsync("Hooks");
        await Expect(catalogue.Row("person.saved")).ToBeVisibleAsync();
        await Expect(catalogue.Row("person.deleted")).ToBeVisibleAsync();
        await Expect(catalogue.Row("order.paid")).ToContainTextAsync("customer.email");

        // Expanding a row is answered by the server over the circuit.
        await catalogue.ExpandAsync("order.paid");
        await Expect(catalogue.SamplePayload).ToContainTextAsync("\"currency\": \"EUR\"");
        await catalogue.ScreenshotAsync("hook-catalogue");

        await catalogue.OpenDetailsAsync("person.saved");
        var details = new HookDetailsPage(page);
        await Expect(page).ToHaveURLAsync(new Regex("/hooks/person.saved$"));
        await Expect(details.Heading).ToHaveTextAsync("person.saved");
        await Expect(details.ProvidedFields).ToHaveTextAsync(["id", "name", "address"]);
        await Expect(details.SamplePayload).ToContainTextAsync("\"name\": \"Jane Doe\"");
        await Expect(details.SamplePayload).Not.ToContainTextAsync("secret");
        await details.ScreenshotAsync("hook-details");
    }

    [Fact]
    public async Task ThemeSwitch_TurnsThePortalDark_AndTheChoiceSurvivesAReload()
    {
        var page = await portal.NewPageAsync();
        var catalogue = new HookCataloguePage(page);
        await page.GotoAsync("hooks");
        await catalogue.WaitUntilInteractiveAsync();
        Assert.DoesNotContain("dark", await catalogue.ThemeStylesheetAsync());

        await catalogue.SwitchThemeAsync();
        await Expect(page.Locator("#radzen-theme-link")).ToHaveAttributeAsync("href", new Regex("material-dark"));

        await page.ReloadAsync();
        await catalogue.WaitUntilInteractiveAsync();
        await Expect(page.Locator("#radzen-theme-link")).ToHaveAttributeAsync("href", new Regex("material-dark"));
        await catalogue.ExpandAsync("person.saved");
        await Expect(catalogue.SamplePayload).ToBeVisibleAsync();
        await catalogue.ScreenshotAsync("hook-catalogue-dark");
    }
}
