using WebhookPortal.Web.Tests.Accounts;

namespace WebhookPortal.Web.Tests.Api.OpenApi;

/// <summary>The portal's API reference page, rendered from the OpenAPI document, and who may open it.</summary>
public sealed class ApiReferencePageTests(TenancyFixture app) : IClassFixture<TenancyFixture>
{
    [Fact]
    public async Task Page_ShowsEveryTagAndOperation_FromTheDocument()
    {
        var admin = await app.CreateSignedInClientAsync();

        var html = await admin.GetStringAsync("/api-reference");

        foreach (var tag in new[] { "Hooks", "Events", "Listeners", "Deliveries", "Inbound sources", "Accounts", "Audit", "Health" })
        {
            Assert.Contains($"id=\"api-{tag.ToLowerInvariant().Replace(' ', '-')}\"", html);
        }

        Assert.Contains("/api/hooks/{name}/events", html);
        Assert.Contains("Publish an event", html);
        Assert.Contains("/api/deliveries/replay", html);
        Assert.Contains("/openapi/v1.json", html);
    }

    [Fact]
    public async Task Page_IsOpenToSupport_AndSaysNotAllowedToACustomer()
    {
        var support = await app.CreateSignedInClientAsync("support@example.com", TenancyFixture.Password);
        var customer = await app.CreateSignedInClientAsync("a@customer-a.example", TenancyFixture.Password);

        Assert.Contains("Publish an event", await support.GetStringAsync("/api-reference"));
        var refused = await customer.GetStringAsync("/api-reference");
        Assert.Contains("Not allowed", refused);
        Assert.DoesNotContain("Publish an event", refused);
    }
}
