using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WebhookPortal.Core.Events;
using WebhookPortal.Core.Inbound;
using WebhookPortal.Core.Persistence;
using WebhookPortal.TestSupport;

namespace WebhookPortal.Web.Tests.Inbound;

/// <summary>Sources made through the API, and requests signed as each provider signs them, for the ingest tests.</summary>
internal sealed class InboundSenders(PortalAppFactory app)
{
    private static int counter;
    private readonly HttpClient api = app.CreateAdminClient();

    /// <summary>Anyone on the internet: no admin key.</summary>
    public HttpClient Sender { get; } = app.CreateClient();

    /// <summary>A new source of the scheme publishing to <c>order.paid</c>; returns its name and secret.</summary>
    public async Task<(string Name, string Secret)> CreateSourceAsync(InboundScheme scheme)
    {
        var name = $"{scheme.ToString().ToLowerInvariant()}-{Interlocked.Increment(ref counter)}";
        var secret = scheme switch
        {
            InboundScheme.GitHub => "github-secret-0123456789",
            InboundScheme.Stripe => "whsec_stripe0123456789abcdef",
            InboundScheme.SharedSecret => "shared-token-0123456789abcdef",
            _ => null,
        };
        var response = await api.PostAsJsonAsync("/api/sources", new
        {
            name, scheme = scheme.ToString(), secret, hook = "order.paid",
            headerName = scheme == InboundScheme.SharedSecret ? "X-Webhook-Token" : null,
        });
        response.EnsureSuccessStatusCode();
        using var created = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (name, secret ?? created.RootElement.GetProperty("secret").GetString()!);
    }

    /// <summary>The headers the provider would send for this body, signed with <paramref name="secret"/> at <paramref name="at"/>.</summary>
    public static (string Name, string Value)[] Sign(InboundScheme scheme, string secret, string body, string deliveryId, DateTimeOffset at)
    {
        var t = at.ToUnixTimeSeconds();
        return scheme switch
        {
            InboundScheme.StandardWebhooks =>
                [("webhook-id", deliveryId), ("webhook-timestamp", t.ToString()), ("webhook-signature", ProviderSignatures.StandardWebhooks(secret, deliveryId, t, body))],
            InboundScheme.GitHub => [("X-GitHub-Delivery", deliveryId), ("X-Hub-Signature-256", ProviderSignatures.GitHub(secret, body))],
            InboundScheme.Stripe => [("Stripe-Signature", $"t={t},v1={ProviderSignatures.StripeV1(secret, t, body)}")],
            _ => [("X-Webhook-Token", secret)],
        };
    }

    public Task<HttpResponseMessage> PostAsync(string source, string body, IEnumerable<(string Name, string Value)> headers)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/ingest/{source}")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return Sender.SendAsync(request);
    }

    public async Task<JsonElement> RejectionsAsync(string source)
    {
        using var page = JsonDocument.Parse(await api.GetStringAsync($"/api/sources/{source}/rejections"));
        return page.RootElement.Clone();
    }

    /// <summary>The events a source published, read from the database through the app's own services.</summary>
    public async Task<List<Event>> EventsOfAsync(string source)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        return await db.Events.AsNoTracking().Where(e => e.OriginDetail == $"source {source}").ToListAsync();
    }

    /// <summary>A Stripe-like event body holding the provided fields of <c>order.paid</c>.</summary>
    public static string Body(string id) =>
        $$$"""{"id":"{{{id}}}","object":"event","amount":49.9,"currency":"EUR","customer":{"email":"jane@example.com","card":"4242"}}""";

    public Task<HttpResponseMessage> SetEnabledAsync(string source, InboundScheme scheme, bool enabled) =>
        api.PutAsJsonAsync($"/api/sources/{source}", new { scheme = scheme.ToString(), hook = "order.paid", enabled });
}
