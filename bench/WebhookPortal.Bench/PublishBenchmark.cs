using WebhookPortal.Core.Accounts;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using WebhookPortal.Core.Events;
using WebhookPortal.Core.Hooks;
using WebhookPortal.Core.Listeners;
using WebhookPortal.TestSupport;

namespace WebhookPortal.Bench;

/// <summary>
/// (a) Publishing through the REST API with 10 matching listeners: sustained events per second and the
/// latency of one publish, from concurrent clients for a fixed time. (b) One event fanning out to
/// 1,000 listeners, stored in one transaction.
/// </summary>
internal sealed class PublishBenchmark : IBenchmark
{
    private const int Clients = 16;
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(10);
    private const double TargetEventsPerSecond = 2_000;
    private const double TargetFanOutMilliseconds = 50;

    public string Name => "publish";

    public string Description => "events/s through POST /api/hooks/{name}/events with 10 listeners, and one event to 1,000 listeners";

    public void Run(TextWriter output) => RunAsync(output).GetAwaiter().GetResult();

    private static async Task RunAsync(TextWriter output)
    {
        await using (var portal = await StartPortalAsync())
        {
            await ThroughTheApiAsync(portal, output);
        }

        await using (var portal = await StartPortalAsync())
        {
            await FanOutAsync(portal, output);
        }
    }

    /// <summary>The whole portal on Kestrel at 127.0.0.1, as in production (the later arguments win), with the hook the events are of.</summary>
    private static async Task<PortalServer> StartPortalAsync()
    {
        var portal = await PortalServer.StartAsync(
            "--environment=Production", "--Logging:LogLevel:Microsoft.AspNetCore.StaticFiles=Error", "--Portal:SeedDemoData=false");
        await portal.Services.GetRequiredService<HookService>().CreateAsync(Actor.System, new HookDefinition
        {
            Name = "order.paid",
            Description = "Benchmark events",
            ProvidedFields = ["id", "customer.email", "amount", "currency", "note"],
        }, default);
        return portal;
    }

    private static async Task ThroughTheApiAsync(PortalServer portal, TextWriter output)
    {
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { BaseAddress = portal.Address };
        client.DefaultRequestHeaders.Authorization = new("Bearer", PortalAppFactory.AdminKey);
        for (var i = 0; i < 10; i++)
        {
            var created = await client.PostAsJsonAsync("/api/listeners", new
            {
                hook = "order.paid",
                url = $"https://receiver-{i}.example.com/orders",
                filters = new[] { new { field = "currency", @operator = "In", value = "EUR, USD" } },
            });
            created.EnsureSuccessStatusCode();
        }

        var body = """{"id":"ord_1001","customer":{"email":"jane@example.com"},"amount":49.90,"currency":"EUR","note":"" }""";
        await PostAsync(client, body); // warm-up of the path

        var latencies = new List<double>[Clients];
        var stopAt = Stopwatch.GetTimestamp() + (long)(Duration.TotalSeconds * Stopwatch.Frequency);
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, Clients).Select(async worker =>
        {
            latencies[worker] = new List<double>();
            while (Stopwatch.GetTimestamp() < stopAt)
            {
                var at = Stopwatch.GetTimestamp();
                await PostAsync(client, body);
                latencies[worker].Add(Stopwatch.GetElapsedTime(at).TotalMilliseconds);
            }
        }));
        var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        var rate = all.Length / elapsed;
        output.WriteLine($"publish (a): {all.Length:N0} events through the API in {elapsed:0.0} s from {Clients} clients, 10 matching listeners each");
        output.WriteLine($"  sustained           {rate:N0} events/s ({rate * 10:N0} deliveries stored/s)   target: at least {TargetEventsPerSecond:N0} events/s " +
                         (rate >= TargetEventsPerSecond ? "(met)" : "(NOT met)"));
        output.WriteLine($"  latency of a publish p50 {Percentile(all, 50):0.00} ms, p99 {Percentile(all, 99):0.00} ms");
    }

    private static async Task FanOutAsync(PortalServer portal, TextWriter output)
    {
        var listeners = portal.Services.GetRequiredService<ListenerService>();
        for (var i = 0; i < 1_000; i++)
        {
            await listeners.CreateAsync(Actor.System, new ListenerInput("order.paid", $"https://receiver-{i}.example.com/", null, true, [], []), default);
        }

        var publisher = portal.Services.GetRequiredService<EventPublisher>();
        using var payload = JsonDocument.Parse("""{"id":"ord_1","customer":{"email":"a@example.com"},"amount":5,"currency":"EUR"}""");
        var request = new PublishRequest("order.paid", payload.RootElement, EventOrigin.Api);
        await publisher.PublishAsync(request, default); // warm-up: the listener directory is read and cached
        var timings = Timings.Measure(50, () =>
        {
            var result = publisher.PublishAsync(request, default).GetAwaiter().GetResult();
            if (result.Value?.Deliveries != 1_000)
            {
                throw new InvalidOperationException("The fan-out did not reach every listener.");
            }
        });
        output.WriteLine("publish (b): one event to 1,000 listeners, stored with its 1,000 deliveries in one transaction (50 events)");
        output.WriteLine($"  median {Timings.Format(timings.MedianMilliseconds)} ms, p95 {Timings.Format(timings.Percentile(95))} ms   target: under {TargetFanOutMilliseconds} ms " +
                         (timings.Percentile(95) < TargetFanOutMilliseconds ? "(met)" : "(NOT met)"));
    }

    private static async Task PostAsync(HttpClient client, string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await client.PostAsync("/api/hooks/order.paid/events", content);
        if ((int)response.StatusCode != 202)
        {
            throw new InvalidOperationException($"Publishing answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    private static double Percentile(double[] sorted, double percent) =>
        sorted[Math.Clamp((int)Math.Ceiling(percent / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
}
