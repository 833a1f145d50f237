using System.Net;
using System.Text.RegularExpressions;
using WebhookPortal.BrowserTests.Infrastructure;
using WebhookPortal.BrowserTests.Pages;
using static Microsoft.Playwright.Assertions;

namespace WebhookPortal.BrowserTests;

/// <summary>An admin saves a listener whose URL deliveries would be refused to: the portal saves it and says so.</summary>
public sealed class ListenerUrlWarningTests(PortalBrowserFixture portal) : IClassFixture<PortalBrowserFixture>
{
    [Fact]
    public async Task Admin_IsWarnedNextToTheUrl_WhenDeliveriesToItWouldBeRefused()
    {
        // Never connected to: the portal under test does not send deliveries.
        portal.Server.Resolver.Answer("hooks.public.example", [IPAddress.Parse("93.184.216.34")]);
        var page = await portal.NewPageAsync();
        await page.GotoAsync("listeners/new");
        var form = new ListenerFormPage(page);
        await form.WaitUntilInteractiveAsync();
        await form.ChooseHookAsync("order.paid");
        // Refused even in Development, where private networks are allowed: it hands out cloud credentials.
        await form.FillUrlAsync("http://169.254.169.254/latest/meta-data");

        await form.SaveAsync("Create listener");
        await form.CloseSecretDialogAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/listeners/lst_[0-9a-z]{26}$"));
        await Expect(form.Notification("Deliveries may not arrive")).ToContainTextAsync("169.254.169.254 is the cloud metadata address");
        await Expect(form.UrlWarning).ToContainTextAsync(
            "Deliveries to this URL will be refused: 169.254.169.254 is the cloud metadata address, which is refused even where " +
            "private networks are allowed, unless Delivery:AllowedNetworks includes it.");
        await form.ScreenshotAsync("listener-url-warning");

        await form.FillUrlAsync("https://hooks.public.example/in");
        await form.SaveAsync("Save changes");

        await Expect(page.GetByText("Listener saved")).ToBeVisibleAsync();
        await Expect(form.UrlWarning).ToHaveCountAsync(0);
    }
}
