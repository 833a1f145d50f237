using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using WebhookPortal.TestSupport;

namespace WebhookPortal.Web.Tests.Api;

public sealed class InboundSourceEndpointsTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    private readonly HttpClient api = app.CreateAdminClient();

    [Fact]
    public async Task Create_AnswersCreatedWithAGeneratedSecretInFull_AndOnlyThen()
    {
        var response = await api.PostAsJsonAsync("/api/sources", new { name = "acme-pay", scheme = "standardwebhooks", hook = "order.paid" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("/api/sources/acme-pay", response.Headers.Location?.OriginalString);
        using var created = await ReadAsync(response);
        var secret = created.RootElement.GetProperty("secret").GetString()!;
        Assert.StartsWith("whsec_", secret);
        Assert.Equal("/ingest/acme-pay", created.RootElement.GetProperty("ingestPath").GetString());
        Assert.Equal("StandardWebhooks", created.RootElement.GetProperty("scheme").GetString());
        Assert.True(created.RootElement.GetProperty("enabled").GetBoolean());

        var fetched = await api.GetStringAsync("/api/sources/acme-pay");
        var listed = await api.GetStringAsync("/api/sources");
        Assert.DoesNotContain(secret[6..], fetched);
        Assert.DoesNotContain(secret[6..], listed);
        using var one = JsonDocument.Parse(fetched);
        Assert.False(one.RootElement.TryGetProperty("secret", out _));
        Assert.EndsWith(secret[^4..], one.RootElement.GetProperty("secretHint").GetString());
    }

    [Fact]
    public async Task Create_NeverEchoesASecretTheAdminGave()
    {
        var response = await api.PostAsJsonAsync("/api/sources",
            new { name = "github-repo", scheme = "GitHub", secret = "github-webhook-secret-42", hook = "order.paid" });

        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.DoesNotContain("github-webhook-secret-42", text);
        Assert.Contains("••••••••t-42", text);
    }

    [Theory]
    [InlineData("""{"name":"Bad Name","scheme":"GitHub","secret":"github-webhook-secret-42","hook":"order.paid"}""", "name")]
    [InlineData("""{"name":"x","scheme":"Carrier","hook":"order.paid"}""", "scheme")]
    [InlineData("""{"name":"x","hook":"order.paid"}""", "scheme")]
    [InlineData("""{"name":"x","scheme":"GitHub","hook":"order.paid"}""", "secret")]
    [InlineData("""{"name":"x","scheme":"Stripe","secret":"sk_live_123456789","hook":"order.paid"}""", "secret")]
    [InlineData("""{"name":"x","scheme":"SharedSecret","secret":"shared-token-0123456789","hook":"order.paid"}""", "headerName")]
    [InlineData("""{"name":"x","scheme":"StandardWebhooks"}""", "hook")]
    [InlineData("""{"name":"x","scheme":"StandardWebhooks","hook":"no.such.hook"}""", "hook")]
    public async Task Create_AnswersBadRequestNamingTheField_WhenTheInputIsInvalid(string body, string field)
    {
        var response = await api.PostAsync("/api/sources", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = await ReadAsync(response);
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(field, out var messages), $"expected an error for {field}: {problem.RootElement}");
        Assert.False(string.IsNullOrWhiteSpace(messages[0].GetString()));
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync("/api/sources/x")).StatusCode);
    }

    [Fact]
    public async Task Create_AnswersConflict_WhenTheNameIsTaken()
    {
        await CreateAsync("taken-name");

        var again = await api.PostAsJsonAsync("/api/sources", new { name = "taken-name", scheme = "StandardWebhooks", hook = "order.paid" });

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task UpdateRotateAndDelete_WorkThroughTheApi()
    {
        await CreateAsync("lifecycle");

        var update = await api.PutAsJsonAsync("/api/sources/lifecycle",
            new { scheme = "SharedSecret", secret = "shared-token-0123456789", headerName = "X-Webhook-Token", hook = "order.paid", enabled = false, description = "Legacy" });
        Assert.Equal(HttpStatusCode.OK, update.StatusCode);
        using (var updated = await ReadAsync(update))
        {
            Assert.Equal(("SharedSecret", "X-Webhook-Token", false), (updated.RootElement.GetProperty("scheme").GetString(),
                updated.RootElement.GetProperty("headerName").GetString(), updated.RootElement.GetProperty("enabled").GetBoolean()));
        }

        Assert.Equal(HttpStatusCode.Conflict, (await api.PostAsync("/api/sources/lifecycle/rotate-secret", null)).StatusCode);
        var renamed = await api.PutAsJsonAsync("/api/sources/lifecycle", new { name = "other", scheme = "SharedSecret", headerName = "X-Webhook-Token", hook = "order.paid" });
        Assert.Equal(HttpStatusCode.BadRequest, renamed.StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await api.DeleteAsync("/api/sources/lifecycle")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync("/api/sources/lifecycle")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.DeleteAsync("/api/sources/lifecycle")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync("/api/sources/lifecycle/rejections")).StatusCode);
    }

    [Fact]
    public async Task RotateSecret_ReturnsTheNewSecretAndWhenThePreviousStopsVerifying()
    {
        await CreateAsync("rotating");

        var response = await api.PostAsync("/api/sources/rotating/rotate-secret", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var rotated = await ReadAsync(response);
        Assert.StartsWith("whsec_", rotated.RootElement.GetProperty("secret").GetString());
        Assert.True(rotated.RootElement.GetProperty("previousSecretExpiresAt").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddHours(23));
        using var fetched = JsonDocument.Parse(await api.GetStringAsync("/api/sources/rotating"));
        Assert.NotEqual(JsonValueKind.Null, fetched.RootElement.GetProperty("previousSecretExpiresAt").ValueKind);
    }

    [Fact]
    public async Task DeleteHook_AnswersConflictNamingTheSource_WhenASourcePublishesToIt()
    {
        await api.PostAsJsonAsync("/api/hooks", new { name = "refund.issued", providedFields = new[] { "id" } });
        await api.PostAsJsonAsync("/api/sources", new { name = "refunds", scheme = "StandardWebhooks", hook = "refund.issued" });

        var response = await api.DeleteAsync("/api/hooks/refund.issued");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("'refunds'", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/api/sources?pageSize=0", "pageSize")]
    [InlineData("/api/sources/any/rejections?page=0", "page")]
    public async Task Lists_AnswerBadRequestNamingTheParameter(string url, string parameter)
    {
        using var problem = await ReadAsync(await api.GetAsync(url));

        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(parameter, out _));
    }

    [Fact]
    public async Task Sources_NeedTheApiKey()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync("/api/sources")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().PostAsync("/api/sources/x/rotate-secret", null)).StatusCode);
    }

    private async Task CreateAsync(string name)
    {
        var response = await api.PostAsJsonAsync("/api/sources", new { name, scheme = "StandardWebhooks", hook = "order.paid" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    private static async Task<JsonDocument> ReadAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync());
}
