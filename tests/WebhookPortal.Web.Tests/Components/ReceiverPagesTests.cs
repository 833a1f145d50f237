using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using WebhookPortal.TestSupport;

namespace WebhookPortal.Web.Tests.Components;

/// <summary>GET on a receiver bucket's path is its page (POST is the receiver itself), and the page says what the signature check found.</summary>
public sealed class ReceiverPagesTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    private readonly HttpClient client = app.CreateClient();

    [Fact]
    public async Task BucketPage_ShowsTheRequestsTheReceiverRecorded()
    {
        using var posted = await client.PostAsync("/receiver/page-shows?status=202", new StringContent("""{"hello":"page"}""", Encoding.UTF8, "application/json"));
        using var answer = JsonDocument.Parse(await posted.Content.ReadAsStringAsync());

        var html = await (await app.CreateSignedInClientAsync()).GetStringAsync("/receiver/page-shows");

        Assert.Contains("Bucket <span class=\"wp-mono\">page-shows</span>", html);
        Assert.Contains("status=202", html);
        Assert.Contains("no signature headers", html);
        Assert.Contains("page-shows", await (await app.CreateSignedInClientAsync()).GetStringAsync("/receiver"));
        Assert.NotNull(answer.RootElement.GetProperty("id").GetString());
    }

    [Fact]
    public async Task BucketPage_SaysValid_WhenTheListenerPointingAtTheBucketSignedTheRequest()
    {
        using var created = await app.CreateAdminClient().PostAsJsonAsync("/api/listeners", new { hook = "order.paid", url = "http://localhost/receiver/signed" });
        using var listener = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        var (id, secret) = (listener.RootElement.GetProperty("id").GetString()!, listener.RootElement.GetProperty("secret").GetString()!);
        const string body = """{"id":"ord_5"}""";
        using var request = new HttpRequestMessage(HttpMethod.Post, "/receiver/signed") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        ProviderSignatures.SignStandardWebhooks(request, secret, "msg_page_1", body);
        (await client.SendAsync(request)).EnsureSuccessStatusCode();

        var html = await (await app.CreateSignedInClientAsync()).GetStringAsync("/receiver/signed");

        Assert.Contains($"valid: signed by {id} (current secret)", html);
    }

    [Fact]
    public async Task BucketPage_SaysWhatIsWrong_WhenTheNameIsNotABucketName()
    {
        var html = await (await app.CreateSignedInClientAsync()).GetStringAsync("/receiver/Not_A_Bucket");

        Assert.Contains("Not a bucket name", html);
        Assert.Contains("lowercase letters, digits and dashes", html);
    }
}
