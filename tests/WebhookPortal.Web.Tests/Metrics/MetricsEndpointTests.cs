using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using WebhookPortal.TestSupport;

namespace WebhookPortal.Web.Tests.Metrics;

/// <summary><c>GET /metrics</c> serves Prometheus text that moves with the deliveries, to whom the settings allow.</summary>
public sealed class MetricsEndpointTests
{
    [Fact]
    public async Task Metrics_ParseAsPrometheusText_AndTheirCountersMove_WhenDeliveriesHappen()
    {
        await using var receiver = await LocalReceiver.StartAsync();
        receiver.Respond("/down", Behaviours.Status(503));
        using var app = new PortalAppFactory().With("Delivery:Enabled", "true").With("Delivery:PollSeconds", "1")
            .With("Delivery:RetrySchedule:0", "0").With("Delivery:RetrySchedule:1", "60").With("Metrics:QueueRefreshSeconds", "1");
        var client = app.CreateAdminClient();
        var before = PrometheusExposition.Parse(await ScrapeAsync(client));
        Assert.Equal("counter", before["webhookportal_delivery_outcomes_total"].Type);
        Assert.Equal("histogram", before["webhookportal_attempt_duration_seconds"].Type);
        Assert.Equal("gauge", before["webhookportal_queue_depth"].Type);
        Assert.Equal("gauge", before["webhookportal_queue_oldest_due_age_seconds"].Type);
        Assert.Contains("outcome", before["webhookportal_delivery_outcomes_total"].Help);

        await CreateListenerAsync(client, receiver.Url("/ok"));
        var down = await CreateListenerAsync(client, receiver.Url("/down"));
        (await client.PostAsJsonAsync("/api/hooks/order.paid/events", new { id = "ord_1", amount = 5, currency = "EUR", customer = new { email = "a@example.com" } }))
            .EnsureSuccessStatusCode();
        await receiver.WaitForAsync("/ok", 1, TimeSpan.FromSeconds(15));
        await receiver.WaitForAsync("/down", 1, TimeSpan.FromSeconds(15));

        var after = await WaitForAsync(client, m => Value(m, "webhookportal_listener_failures_total", "listener_id", down) >= 1 &&
                                                    Value(m, "webhookportal_delivery_outcomes_total", "outcome", "succeeded") >= 1);
        Assert.Equal(Value(before, "webhookportal_delivery_outcomes_total", "outcome", "succeeded") + 1,
            Value(after, "webhookportal_delivery_outcomes_total", "outcome", "succeeded"));
        Assert.Equal(1, Value(after, "webhookportal_listener_failures_total", "listener_id", down));
        Assert.True(Value(after, "webhookportal_events_published_total", null, null) >= 1);
        var count = after["webhookportal_attempt_duration_seconds"].Samples
            .Where(s => s.Name.EndsWith("_count", StringComparison.Ordinal)).Sum(s => s.Value);
        Assert.True(count >= 2, $"The duration histogram counts {count} attempts.");
        Assert.Single(after["webhookportal_attempt_duration_seconds"].Samples,
            s => s.Name.EndsWith("_count", StringComparison.Ordinal) && s.Labels["status_class"] == "5xx" && s.Labels["error_kind"] == "HttpError");

        // The failed delivery waits a minute for its retry (as do the demo's, whose receiver is not there): scheduled, none due.
        await WaitForAsync(client, m => Value(m, "webhookportal_queue_depth", "state", "scheduled") >= 1 &&
                                        Value(m, "webhookportal_queue_depth", "state", "due") == 0 &&
                                        m.ContainsKey("webhookportal_queue_oldest_due_age_seconds"));
    }

    [Fact]
    public async Task Metrics_NeedTheScrapeKey_WhenOneIsSet()
    {
        const string key = "scrape-key-0123456789abcdef";
        using var app = new PortalAppFactory().With("Metrics:ScrapeKey", key);
        var client = app.CreateClient();

        var without = await client.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.Unauthorized, without.StatusCode);
        Assert.Contains("Metrics:ScrapeKey", await without.Content.ReadAsStringAsync());
        Assert.Equal("Bearer", without.Headers.WwwAuthenticate.Single().Scheme);

        using var wrong = new HttpRequestMessage(HttpMethod.Get, "/metrics") { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", key + "x") } };
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(wrong)).StatusCode);

        // The admin API key is not a scrape key.
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateAdminClient().GetAsync("/metrics")).StatusCode);

        using var right = new HttpRequestMessage(HttpMethod.Get, "/metrics") { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", key) } };
        var scraped = await client.SendAsync(right);
        Assert.Equal(HttpStatusCode.OK, scraped.StatusCode);
        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", scraped.Content.Headers.ContentType!.ToString());
        PrometheusExposition.Parse(await scraped.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Metrics_AnswerNotFoundWithTheSettingToChange_WhenSwitchedOff()
    {
        using var app = new PortalAppFactory().With("Metrics:Enabled", "false");

        var response = await app.CreateClient().GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Metrics:Enabled", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Metrics_AreServedOnlyToThisMachine_WhenNoKeyIsSet()
    {
        // A real server on 127.0.0.1: the caller is on the loopback, so it may scrape without a key.
        await using var server = await PortalServer.StartAsync();
        using var client = new HttpClient { BaseAddress = server.Address };

        var response = await client.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        PrometheusExposition.Parse(await response.Content.ReadAsStringAsync());
    }

    private static async Task<string> ScrapeAsync(HttpClient client)
    {
        var response = await client.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static async Task<IReadOnlyDictionary<string, PrometheusExposition.Family>> WaitForAsync(
        HttpClient client, Func<IReadOnlyDictionary<string, PrometheusExposition.Family>, bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var metrics = PrometheusExposition.Parse(await ScrapeAsync(client));
            if (condition(metrics))
            {
                return metrics;
            }

            Assert.True(DateTime.UtcNow < deadline, "The metrics did not move as expected within 20 s.");
            await Task.Delay(100);
        }
    }

    private static double Value(IReadOnlyDictionary<string, PrometheusExposition.Family> metrics, string family, string? label, string? value) =>
        metrics.TryGetValue(family, out var found)
            ? found.Samples.Where(s => label is null || (s.Labels.TryGetValue(label, out var v) && v == value)).Sum(s => s.Value)
            : 0;

    private static async Task<string> CreateListenerAsync(HttpClient client, string url)
    {
        var response = await client.PostAsJsonAsync("/api/listeners", new { hook = "order.paid", url, enabled = true, filters = Array.Empty<object>() });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetString()!;
    }
}
