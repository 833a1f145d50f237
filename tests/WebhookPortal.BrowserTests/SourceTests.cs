using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using WebhookPortal.BrowserTests.Infrastructure;
using WebhookPortal.BrowserTests.Pages;
using WebhookPortal.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace WebhookPortal.BrowserTests;

/// <summary>An admin sets up an inbound source, gives its URL and secret to a sender, and sees what was refused.</summary>
public sealed class SourceTests(PortalBrowserFixture portal) : IClassFixture<PortalBrowserFixture>
{
    [Fact]
    public async Task Admin_CreatesASourceSeesRefusedRequestsAndDeletesIt()
    {
        var page = await portal.NewPageAsync();
        var list = new SourceListPage(page);
        await list.OpenAsync();
        await list.NewSourceAsync();

        var form = new SourcePage(page);
        await Expect(form.Heading).ToHaveTextAsync("New inbound source");
        await form.FillAsync("Name", "acme-payments");
        await form.FillAsync("Description", "Card payments from Acme Pay");
        await form.ChooseAsync("Target hook", "order.paid");
        await form.ScreenshotAsync("source-form");
        await form.ClickAsync("Create source");

        await Expect(form.SecretInDialog).ToHaveTextAsync(new Regex("^whsec_[A-Za-z0-9+/=]{44}$"));
        var secret = await form.SecretInDialog.InnerTextAsync();
        await form.ScreenshotAsync("source-secret");
        await form.CloseSecretDialogAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/sources/acme-payments$"));
        await Expect(form.EndpointUrl).ToHaveTextAsync($"{portal.Server.Address}ingest/acme-payments");

        // A sender that signs correctly gets through; a forger is refused and shows up on the page.
        const string body = """{"id":"ord_77","amount":12.5,"currency":"EUR"}""";
        Assert.Equal(HttpStatusCode.Accepted, await PostAsync("acme-payments", body, secret));
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync("acme-payments", body, "whsec_" + Convert.ToBase64String(new byte[32])));
        await form.ClickAsync("Refresh");
        await Expect(form.Rejections).ToContainTextAsync("Signature mismatch");
        await Expect(form.Rejections).ToContainTextAsync("webhook-signature");
        await form.ScreenshotAsync("source-details");
        await form.Rejections.ScrollIntoViewIfNeededAsync(); // the layout scrolls inside its body, so a full-page picture stops at the fold
        await form.ScreenshotAsync("source-rejections");
        await form.SwitchThemeAsync();
        await Expect(page.Locator("#radzen-theme-link")).ToHaveAttributeAsync("href", new Regex("material-dark"));
        await page.ReloadAsync(); // the dark theme's stylesheet and icon font load afresh, as on a person's next visit
        await form.WaitUntilInteractiveAsync();
        await page.EvaluateAsync("document.fonts.ready");
        await Expect(form.Rejections).ToContainTextAsync("Signature mismatch");
        await form.ScreenshotAsync("source-details-dark");
        await form.Rejections.ScrollIntoViewIfNeededAsync();
        await form.ScreenshotAsync("source-rejections-dark");

        await form.NavigateBySidebarAsync("Sources");
        await Expect(list.Row("acme-payments")).ToContainTextAsync("Standard Webhooks");
        await Expect(list.Row("acme-payments")).ToContainTextAsync("order.paid");
        await list.ScreenshotAsync("source-grid-dark");

        await list.OpenAsync("acme-payments");
        await form.ClickAsync("Disable");
        await Expect(form.StateBadge).ToHaveTextAsync("Disabled");
        Assert.Equal(HttpStatusCode.NotFound, await PostAsync("acme-payments", body, secret));

        await form.ClickAsync("Delete");
        await form.ConfirmAsync("Delete this source?", "Delete");
        await Expect(page).ToHaveURLAsync(new Regex("/sources$"));
        await Expect(list.Row("acme-payments")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Form_ShowsWhatToFixNextToTheField_WhenTheSharedSecretHeaderIsMissing()
    {
        var page = await portal.NewPageAsync();
        await page.GotoAsync("sources/new");
        var form = new SourcePage(page);
        await form.WaitUntilInteractiveAsync();
        await form.FillAsync("Name", "legacy-erp");
        await form.ChooseAsync("Verification scheme", "Shared secret header");
        await form.FillSecretAsync("short");
        await form.ChooseAsync("Target hook", "order.paid");

        await form.ClickAsync("Create source");

        await Expect(form.FieldError("Enter the header the sender puts the secret in")).ToBeVisibleAsync();
        await Expect(form.FieldError("16 to 500 characters")).ToBeVisibleAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/sources/new$"));
        await form.ScreenshotAsync("source-form-invalid");
    }

    private async Task<HttpStatusCode> PostAsync(string source, string body, string secret)
    {
        using var client = new HttpClient { BaseAddress = portal.Server.Address };
        var t = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"ingest/{source}") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("webhook-id", "msg_browser_1");
        request.Headers.Add("webhook-timestamp", t.ToString());
        request.Headers.Add("webhook-signature", ProviderSignatures.StandardWebhooks(secret, "msg_browser_1", t, body));
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }
}
