using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using WebhookPortal.TestSupport;

namespace WebhookPortal.Web.Tests.Api;

/// <summary>A listener save through the API says when deliveries to its URL would be refused (egress safety).</summary>
public sealed class ListenerEndpointsWarningTests(ListenerEndpointsWarningTests.PrivateNetworksOff app)
    : IClassFixture<ListenerEndpointsWarningTests.PrivateNetworksOff>
{
    private readonly HttpClient api = app.CreateAdminClient();

    [Fact]
    public async Task Create_AnswersCreatedWithAWarning_WhenTheUrlIsALoopbackAddress()
    {
        var response = await api.PostAsJsonAsync("/api/listeners", new { hook = "order.paid", url = "http://127.0.0.1:9/x" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var created = await ReadAsync(response);
        var warning = Assert.Single(created.RootElement.GetProperty("warnings").EnumerateArray()).GetString();
        Assert.Equal(
            "Deliveries to this URL will be refused: 127.0.0.1 is a loopback address; deliveries to private networks are turned off " +
            "(Delivery:AllowPrivateNetworks) and Delivery:AllowedNetworks does not include it.",
            warning);
    }

    [Fact]
    public async Task Update_AnswersOkWithAWarning_WhenTheNewHostResolvesToAPrivateAddress()
    {
        app.Resolver.Answer("crm.internal.example", [IPAddress.Parse("10.0.0.5")]);
        var id = await CreateAsync("https://hooks.public.example/in");

        var response = await api.PutAsJsonAsync($"/api/listeners/{id}", new { hook = "order.paid", url = "https://crm.internal.example/in" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var updated = await ReadAsync(response);
        Assert.Contains("crm.internal.example resolves to 10.0.0.5, a private network address (RFC 1918)",
            updated.RootElement.GetProperty("warnings")[0].GetString());
    }

    [Fact]
    public async Task Create_LeavesWarningsOut_WhenTheHostResolvesToAPublicAddress()
    {
        var response = await api.PostAsJsonAsync("/api/listeners", new { hook = "order.paid", url = "https://hooks.public.example/in" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var created = await ReadAsync(response);
        Assert.False(created.RootElement.TryGetProperty("warnings", out _));
    }

    [Fact]
    public async Task Create_WarnsThatTheHostDoesNotResolve_WhenDnsHasNoAnswer()
    {
        var response = await api.PostAsJsonAsync("/api/listeners", new { hook = "order.paid", url = "https://nowhere.invalid/in" });

        using var created = await ReadAsync(response);
        Assert.Equal("nowhere.invalid does not resolve now; deliveries fail until it does.",
            created.RootElement.GetProperty("warnings")[0].GetString());
    }

    private async Task<string> CreateAsync(string url)
    {
        var response = await api.PostAsJsonAsync("/api/listeners", new { hook = "order.paid", url });
        response.EnsureSuccessStatusCode();
        using var created = await ReadAsync(response);
        return created.RootElement.GetProperty("id").GetString()!;
    }

    private static async Task<JsonDocument> ReadAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync());

    /// <summary>The portal with private networks refused, as outside Development; hooks.public.example is a public host.</summary>
    public sealed class PrivateNetworksOff : PortalAppFactory
    {
        public PrivateNetworksOff()
        {
            With("Delivery:AllowPrivateNetworks", "false");
            // Never connected to: these tests only save listeners.
            Resolver.Answer("hooks.public.example", [IPAddress.Parse("93.184.216.34")]);
        }
    }
}
