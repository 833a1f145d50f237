using System.Net.Http.Json;
using System.Text.Json;
using WebhookPortal.TestSupport;

namespace WebhookPortal.Web.Tests.Components;

/// <summary>A source's page, rendered on the server, shows where the sender posts but never the secret.</summary>
public sealed class SourcePagesTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    [Fact]
    public async Task SourcePage_ShowsTheEndpointAndAHint_ButNeverTheSecret()
    {
        var created = await app.CreateAdminClient().PostAsJsonAsync("/api/sources", new { name = "page-check", scheme = "StandardWebhooks", hook = "order.paid" });
        using var body = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        var secret = body.RootElement.GetProperty("secret").GetString()!;

        // The page is HTML: '+' and '/' in a base64 secret arrive encoded, so compare decoded text.
        var html = System.Net.WebUtility.HtmlDecode(await (await app.CreateSignedInClientAsync()).GetStringAsync("/sources/page-check"));

        Assert.Contains("ingest/page-check", html);
        Assert.Contains(secret[^4..], html);
        Assert.DoesNotContain(secret["whsec_".Length..^4], html);
    }
}
