using WebhookPortal.Core.Accounts;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using WebhookPortal.BrowserTests.Infrastructure;
using WebhookPortal.BrowserTests.Pages;
using WebhookPortal.Core.Listeners;
using WebhookPortal.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace WebhookPortal.BrowserTests;

/// <summary>Someone tries a sender against the built-in receiver and watches the requests arrive, in detail, while the page is open.</summary>
public sealed class ReceiverTests(PortalBrowserFixture portal) : IClassFixture<PortalBrowserFixture>
{
    private const string Bucket = "browser-orders";

    [Fact]
    public async Task BucketPage_ShowsRequestsAsTheyArrive_InDetail_AndClears()
    {
        var listeners = portal.Server.Services.GetRequiredService<ListenerService>();
        var listener = (await listeners.CreateAsync(Actor.System, 
            new ListenerInput("order.paid", $"{portal.Server.Address}receiver/{Bucket}", "", true, [], []), default)).Value!;
        var first = await PostAsync("""{"id":"ord_1","amount":49.9}""", "?status=503&retryAfter=7", HttpStatusCode.ServiceUnavailable);
        await PostAsync("""{"id":"ord_2","amount":12}""", "", HttpStatusCode.OK, listener.Secret);

        var page = await portal.NewPageAsync();
        var receiver = new ReceiverPage(page);
        await receiver.OpenAsync();
        await Expect(receiver.Heading).ToHaveTextAsync("Receiver");
        await Expect(receiver.ExampleUrl).ToHaveTextAsync($"{portal.Server.Address}receiver/my-bucket");
        await Expect(receiver.Bucket(Bucket)).ToContainTextAsync("2");
        await receiver.ScreenshotAsync("receiver");

        await receiver.OpenAsync(Bucket);
        var bucket = new ReceiverBucketPage(page);
        await Expect(page).ToHaveURLAsync(new Regex($"/receiver/{Bucket}$"));
        await Expect(bucket.Heading).ToHaveTextAsync($"Bucket {Bucket}");
        await Expect(bucket.LiveNote).ToBeVisibleAsync();
        await Expect(bucket.Requests).ToHaveCountAsync(2);
        await Expect(bucket.Requests.Last).ToContainTextAsync("503"); // newest first
        await Expect(bucket.Requests.Last).ToContainTextAsync("Retry-After: 7");
        await Expect(bucket.Requests.First).ToContainTextAsync($"valid: signed by {listener.Listener.Id} (current secret)");

        // A request that arrives while the page is open shows up at the top by itself.
        await PostAsync("""{"id":"ord_3","amount":5}""", "?fail=1", HttpStatusCode.InternalServerError);
        await Expect(bucket.Requests).ToHaveCountAsync(3);
        await Expect(bucket.Requests.First).ToContainTextAsync("fail=1: call 1 of 1 fails");
        await Expect(bucket.RequestCount).ToContainTextAsync("3 requests");

        await bucket.ExpandAsync(bucket.Requests.Last);
        await Expect(bucket.Headers(first)).ToContainTextAsync("X-Sent-By");
        await Expect(bucket.Headers(first)).ToContainTextAsync("browser test");
        await Expect(bucket.Body(first)).ToContainTextAsync("\"amount\": 49.9"); // indented
        await Expect(bucket.Details(first)).ToContainTextAsync("no signature headers");
        await bucket.ScreenshotAsync("receiver-bucket");

        await bucket.SwitchThemeAsync();
        await Expect(page.Locator("#radzen-theme-link")).ToHaveAttributeAsync("href", new Regex("material-dark"));
        await page.ReloadAsync(); // the dark theme's stylesheet and icon font load afresh, as on a person's next visit
        await bucket.WaitUntilInteractiveAsync();
        await page.EvaluateAsync("document.fonts.ready");
        await bucket.ExpandAsync(bucket.Requests.Last);
        await Expect(bucket.Body(first)).ToBeVisibleAsync();
        await bucket.ScreenshotAsync("receiver-bucket-dark");
        await bucket.NavigateBySidebarAsync("Receiver");
        await Expect(receiver.Bucket(Bucket)).ToContainTextAsync("3");
        await receiver.ScreenshotAsync("receiver-dark");

        await receiver.OpenAsync(Bucket);
        await bucket.WaitUntilInteractiveAsync();
        await bucket.ClearAsync();
        await Expect(bucket.Empty).ToBeVisibleAsync();
        await Expect(bucket.RequestCount).ToContainTextAsync("0 requests");
        await bucket.NavigateBySidebarAsync("Receiver");
        await Expect(receiver.Bucket(Bucket)).ToHaveCountAsync(0);
    }

    /// <summary>Posts as any sender would; the id the receiver answers with.</summary>
    private async Task<string> PostAsync(string body, string query, HttpStatusCode expected, string? signingSecret = null)
    {
        using var client = new HttpClient { BaseAddress = portal.Server.Address };
        using var request = new HttpRequestMessage(HttpMethod.Post, $"receiver/{Bucket}{query}")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Sent-By", "browser test");
        if (signingSecret is not null)
        {
            ProviderSignatures.SignStandardWebhooks(request, signingSecret, "msg_browser_2", body);
        }

        using var response = await client.SendAsync(request);
        Assert.Equal(expected, response.StatusCode);
        using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return answer.RootElement.GetProperty("id").GetString()!;
    }
}
