using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using WebhookPortal.TestSupport;

namespace WebhookPortal.Web.Tests.Accounts;

/// <summary>
/// The role matrix through the REST API: admin key, support's key, customer A's and B's keys, no key and a revoked
/// key — each allowed or refused exactly as the roles say, and a customer asking for another's data gets 404.
/// </summary>
public sealed class RoleMatrixApiTests(TenancyFixture app) : IClassFixture<TenancyFixture>
{
    public static TheoryData<string, string, HttpStatusCode> Reads => new()
    {
        // who, what, answer
        { "admin", "/api/listeners/{A}", HttpStatusCode.OK },
        { "support", "/api/listeners/{A}", HttpStatusCode.OK },
        { "a", "/api/listeners/{A}", HttpStatusCode.OK },
        { "b", "/api/listeners/{A}", HttpStatusCode.NotFound },
        { "anonymous", "/api/listeners/{A}", HttpStatusCode.Unauthorized },
        { "revoked", "/api/listeners/{A}", HttpStatusCode.Unauthorized },
        { "admin", "/api/deliveries/{DA}", HttpStatusCode.OK },
        { "support", "/api/deliveries/{DA}", HttpStatusCode.OK },
        { "a", "/api/deliveries/{DA}", HttpStatusCode.OK },
        { "b", "/api/deliveries/{DA}", HttpStatusCode.NotFound },
        { "a", "/api/deliveries/{DB}", HttpStatusCode.NotFound },
        { "anonymous", "/api/deliveries", HttpStatusCode.Unauthorized },
        { "revoked", "/api/deliveries", HttpStatusCode.Unauthorized },
        { "a", "/api/listeners/{A}/stats", HttpStatusCode.OK },
        { "b", "/api/listeners/{A}/stats", HttpStatusCode.NotFound },
        { "admin", "/api/audit", HttpStatusCode.OK },
        { "support", "/api/audit", HttpStatusCode.Forbidden },
        { "a", "/api/audit", HttpStatusCode.Forbidden },
        { "admin", "/api/accounts", HttpStatusCode.OK },
        { "support", "/api/accounts", HttpStatusCode.Forbidden },
        { "a", "/api/accounts", HttpStatusCode.Forbidden },
        { "support", "/api/events", HttpStatusCode.OK },
        { "a", "/api/events", HttpStatusCode.Forbidden },
        { "admin", "/api/listeners/{A}/secret", HttpStatusCode.OK },
        { "support", "/api/listeners/{A}/secret", HttpStatusCode.Forbidden },
        { "a", "/api/listeners/{A}/secret", HttpStatusCode.Forbidden },
        { "b", "/api/listeners/{A}/secret", HttpStatusCode.NotFound },
    };

    [Theory]
    [MemberData(nameof(Reads))]
    public async Task Get_AnswersAsTheRoleAllows(string who, string path, HttpStatusCode expected)
    {
        var response = await Client(who).GetAsync(Resolve(path));

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task ListDeliveries_ShowsACustomerOnlyItsOwnListenersDeliveries()
    {
        var ofA = await ListenerIdsAsync("a", "/api/deliveries?pageSize=200");
        var ofSupport = await ListenerIdsAsync("support", "/api/deliveries?pageSize=200");

        Assert.Equal([app.ListenerA], ofA.Distinct());
        Assert.Contains(app.ListenerB, ofSupport);
        Assert.Contains(app.ListenerA, ofSupport);
    }

    [Fact]
    public async Task ListListeners_ShowsACustomerOnlyItsOwnListeners_EvenWhenItAsksForAnotherOwner()
    {
        var listed = await ListenerIdsAsync("b", $"/api/listeners?owner={app.CustomerA.Id}", "id");
        var own = await ListenerIdsAsync("b", "/api/listeners", "id");

        Assert.Empty(listed);
        Assert.Equal([app.ListenerB], own);
    }

    [Theory]
    [InlineData("a")]
    [InlineData("support")]
    public async Task CreateListener_AnswersForbidden_ForAnyoneButAnAdmin(string who)
    {
        var response = await Client(who).PostAsJsonAsync("/api/listeners", new { hook = "order.paid", url = "https://x.example/" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Only admins", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("a")]
    [InlineData("support")]
    public async Task ChangeHooks_AnswersForbidden_ForAnyoneButAnAdmin_AndChangesNothing(string who)
    {
        var before = await Client("admin").GetStringAsync("/api/hooks/order.paid");
        var hook = new { name = "refund.issued", description = "Changed", providedFields = new[] { "id" } };

        var answers = new[]
        {
            await Client(who).PostAsJsonAsync("/api/hooks", hook),
            await Client(who).PutAsJsonAsync("/api/hooks/order.paid", hook with { name = "order.paid" }),
            await Client(who).DeleteAsync("/api/hooks/order.paid"),
        };

        Assert.All(answers, answer => Assert.Equal(HttpStatusCode.Forbidden, answer.StatusCode));
        Assert.Equal(before, await Client("admin").GetStringAsync("/api/hooks/order.paid"));
        Assert.Equal(HttpStatusCode.NotFound, (await Client("admin").GetAsync("/api/hooks/refund.issued")).StatusCode);
    }

    [Fact]
    public async Task Replay_AnswersForbiddenToTheOwningCustomer_AndNotFoundToAnother()
    {
        Assert.Equal(HttpStatusCode.Forbidden, (await Client("a").PostAsync($"/api/deliveries/{app.DeliveryA}/replay", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Client("b").PostAsync($"/api/deliveries/{app.DeliveryA}/replay", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Client("anonymous").PostAsync($"/api/deliveries/{app.DeliveryA}/replay", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Client("a").PostAsJsonAsync("/api/deliveries/replay", new { })).StatusCode);
    }

    [Fact]
    public async Task RevokedKey_IsRefusedWithAMessageThatSaysWhy()
    {
        var response = await Client("revoked").GetAsync("/api/listeners");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("revoked key is refused", await response.Content.ReadAsStringAsync());
    }

    private async Task<List<string>> ListenerIdsAsync(string who, string path, string property = "listenerId")
    {
        using var page = JsonDocument.Parse(await Client(who).GetStringAsync(path));
        return page.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty(property).GetString()!).ToList();
    }

    private string Resolve(string path) => path.Replace("{A}", app.ListenerA).Replace("{DA}", app.DeliveryA).Replace("{DB}", app.DeliveryB);

    private HttpClient Client(string who) => app.Client(who switch
    {
        "admin" => PortalAppFactory.AdminKey,
        "support" => app.SupportKey,
        "a" => app.KeyA,
        "b" => app.KeyB,
        "revoked" => app.RevokedKey,
        _ => null,
    });
}
