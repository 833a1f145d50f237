using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WebhookPortal.Core.Persistence;
using WebhookPortal.TestSupport;

namespace WebhookPortal.ReliabilityTests.Boundary;

/// <summary>
/// A run that makes and uses every kind of secret — listener secrets made, rotated and revealed, an account's API key
/// made and used, an inbound source's secret used by a good and a forged request, the admin key, passwords at sign-in —
/// and delivers to a real receiver, with every log entry captured down to Trace. Afterwards none of those secrets is in
/// the log, in the portal's pages after their one-time reveal, or in the request headers stored with the attempts.
/// </summary>
public sealed class SecretsNeverLeakTests : IAsyncLifetime
{
    private const string CustomerPassword = "customer-password-0123456789";
    private LocalReceiver receiver = default!;
    private LoggedPortal app = default!;

    public async Task InitializeAsync()
    {
        receiver = await LocalReceiver.StartAsync();
        app = new LoggedPortal();
        app.With("Delivery:Enabled", "true").With("Delivery:PollSeconds", "1");
    }

    public async Task DisposeAsync()
    {
        await app.DisposeAsync();
        await receiver.DisposeAsync();
    }

    [Fact]
    public async Task NoSecretOrKey_AppearsInTheLog_InPagesAfterTheReveal_OrInStoredAttemptHeaders()
    {
        using var api = app.CreateAdminClient();
        var secrets = new List<(string What, string Value)> { ("admin key", PortalAppFactory.AdminKey), ("admin password", PortalAppFactory.AdminPassword) };

        // A listener: its secret shown once when made, rotated (old and new both sign for a while), revealed by an admin.
        using var listener = await ReadAsync(await api.PostAsJsonAsync("/api/listeners", new { hook = "order.paid", url = receiver.Url("/hooks") }));
        var listenerId = listener.RootElement.GetProperty("id").GetString()!;
        secrets.Add(("first listener secret", listener.RootElement.GetProperty("secret").GetString()!));
        using var rotated = await ReadAsync(await api.PostAsync($"/api/listeners/{listenerId}/rotate-secret", null));
        secrets.Add(("rotated listener secret", rotated.RootElement.GetProperty("secret").GetString()!));
        using var revealed = await ReadAsync(await api.GetAsync($"/api/listeners/{listenerId}/secret"));
        Assert.Equal(secrets[^1].Value, revealed.RootElement.GetProperty("secret").GetString());

        // An account with a password, its API key made and used.
        using var account = await ReadAsync(await api.PostAsJsonAsync("/api/accounts",
            new { email = "c@customer.example", displayName = "C", role = "Customer", password = CustomerPassword }));
        var accountId = account.RootElement.GetProperty("id").GetInt32();
        secrets.Add(("customer password", CustomerPassword));
        using var key = await ReadAsync(await api.PostAsJsonAsync("/api/api-keys", new { name = "c's app", accountId }));
        var apiKey = key.RootElement.GetProperty("key").GetString()!;
        secrets.Add(("API key", apiKey));
        using (var customer = app.CreateClient())
        {
            customer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
            Assert.Equal(HttpStatusCode.OK, (await customer.GetAsync("/api/deliveries")).StatusCode);
        }

        // An inbound source: one good request and one signed with a wrong secret.
        using var source = await ReadAsync(await api.PostAsJsonAsync("/api/sources", new { name = "shop", scheme = "StandardWebhooks", hook = "order.paid" }));
        var sourceSecret = source.RootElement.GetProperty("secret").GetString()!;
        secrets.Add(("source secret", sourceSecret));
        Assert.Equal(HttpStatusCode.Accepted, (await IngestAsync(sourceSecret, "msg_good")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await IngestAsync("whsec_" + Convert.ToBase64String(new byte[24]), "msg_forged")).StatusCode);

        // Deliveries signed with the listener's secrets, to a real receiver.
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.Accepted, (await api.PostAsJsonAsync("/api/hooks/order.paid/events",
                new { id = i, customer = new { email = "x@example.com" }, amount = 10, currency = "EUR" })).StatusCode);
        }

        var delivered = await receiver.WaitForAsync("/hooks", 6, TimeSpan.FromSeconds(60)); // five published and one from ingest
        Assert.All(delivered, request => Assert.Contains("v1,", request.Headers["webhook-signature"].ToString()));

        // Sign-ins through the form, then the pages as a person sees them again after the reveal.
        using var admin = await app.CreateSignedInClientAsync();
        await app.CreateSignedInClientAsync("c@customer.example", CustomerPassword);
        var pages = new Dictionary<string, string>();
        foreach (var page in new[] { $"/listeners/{listenerId}", $"/accounts/{accountId}", "/account", "/sources/shop", "/deliveries", "/audit", "/" })
        {
            pages[page] = await admin.GetStringAsync(page);
        }

        var attemptHeaders = await StoredAttemptHeadersAsync();
        var log = app.Log.Entries;

        Assert.True(log.Count > 200, $"only {log.Count} log entries were captured");
        Assert.Contains(log, entry => entry.Contains($"Listener {listenerId} created", StringComparison.Ordinal));
        Assert.True(attemptHeaders.Count >= 6, $"only {attemptHeaders.Count} attempts were stored");
        var leaks = new List<string>();
        foreach (var (what, value) in secrets)
        {
            foreach (var part in Revealing(value))
            {
                leaks.AddRange(log.Where(e => e.Contains(part, StringComparison.Ordinal)).Take(3).Select(e => $"{what} in the log: {e[..Math.Min(300, e.Length)]}"));
                leaks.AddRange(pages.Where(p => p.Value.Contains(part, StringComparison.Ordinal)).Select(p => $"{what} on the page {p.Key}"));
                leaks.AddRange(attemptHeaders.Where(h => h.Contains(part, StringComparison.Ordinal)).Take(3).Select(h => $"{what} in stored attempt headers: {h}"));
            }
        }

        Assert.Empty(leaks);
        Console.WriteLine($"secrets: {secrets.Count} secrets searched in {log.Count:N0} log entries, {pages.Count} pages and {attemptHeaders.Count} stored attempts: none found");
    }

    /// <summary>The secret, and its key material without the prefix (whsec_, wpk_) that a hint may show.</summary>
    private static IEnumerable<string> Revealing(string secret)
    {
        yield return secret;
        var underscore = secret.IndexOf('_', StringComparison.Ordinal);
        if (underscore is > 0 and < 8 && secret.Length - underscore > 17)
        {
            yield return secret[(underscore + 1)..(underscore + 17)];
        }
    }

    private async Task<HttpResponseMessage> IngestAsync(string secret, string id)
    {
        var body = """{"id":"evt_in","amount":1,"currency":"EUR","customer":{"email":"y@example.com"}}""";
        var request = new HttpRequestMessage(HttpMethod.Post, "/ingest/shop") { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        ProviderSignatures.SignStandardWebhooks(request, secret, id, body);
        return await app.CreateClient().SendAsync(request);
    }

    private async Task<List<string>> StoredAttemptHeadersAsync()
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        return await db.DeliveryAttempts.Select(a => a.RequestHeaders + " " + a.RequestUrl).ToListAsync();
    }

    private static async Task<JsonDocument> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text);
    }
}
