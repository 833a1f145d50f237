using WebhookPortal.Core.Accounts;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using WebhookPortal.Core.Events;
using WebhookPortal.Core.Hooks;
using WebhookPortal.Core.Listeners;
using WebhookPortal.TestSupport;

namespace WebhookPortal.Bench;

/// <summary>
/// (a) Bare HttpClient POSTs of a 1 KB payload to a local receiver at a fixed concurrency, nothing stored;
/// (b) the full path through the engine at the same concurrency — publish, match, store, claim, sign,
/// POST, record the attempt — to the same receiver; their ratio (target: (b) at least 50 % of (a));
/// (c) latency from publish to the first attempt's arrival at a steady 1,000 events/s (target p99 under 50 ms).
/// </summary>
internal sealed class DeliveryBenchmark : IBenchmark
{
    private const int Concurrency = 64;
    private const int Listeners = 4;
    private const int Publishers = 8;
    private const int Events = 20_000;
    private const int WarmUp = 2_000;
    private const int MaxWarmUpRounds = 10;
    private const int SteadyRate = 1_000;
    private static readonly TimeSpan SteadyDuration = TimeSpan.FromSeconds(10);

    public string Name => "delivery";

    public string Description => "bare HttpClient vs the full engine path, and publish-to-first-attempt latency at 1,000 events/s";

    public void Run(TextWriter output) => RunAsync(output).GetAwaiter().GetResult();

    private static async Task RunAsync(TextWriter output)
    {
        await using var receiver = await LeanReceiver.StartAsync();
        var payload = Payload();
        var bare = await BareAsync(receiver, payload);
        output.WriteLine($"delivery (a): {Events * Listeners:N0} bare HttpClient POSTs of {payload.Length:N0} bytes at concurrency {Concurrency}: " +
                         $"{bare.Rate:N0}/s, {bare.CpuMicroseconds:N0} µs of CPU each");

        var engine = await EngineAsync(receiver, payload);
        output.WriteLine($"delivery (b): {Events:N0} events × {Listeners} listeners through the engine at concurrency {Concurrency}: {engine.Rate:N0} deliveries/s, " +
                         $"{engine.CpuMicroseconds:N0} µs of CPU each (publish, match, store, claim, sign, POST, record)");
        var ratio = engine.Rate / bare.Rate;
        output.WriteLine($"  ratio (b)/(a) = {ratio:P0}   target: at least 50 % {(ratio >= 0.5 ? "(met)" : "(NOT met)")}");
        var (p50, p99, count) = await LatencyAsync(receiver);
        output.WriteLine($"delivery (c): {count:N0} events at a steady {SteadyRate:N0}/s, publish to first attempt: p50 {p50:0.0} ms, p99 {p99:0.0} ms   " +
                         $"target: p99 under 50 ms {(p99 < 50 ? "(met)" : "(NOT met)")}");
    }

    private static byte[] Payload() =>
        Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { id = "ord_1", note = new string('x', 1_000 - 40) }));

    private static async Task<(double Rate, double CpuMicroseconds)> BareAsync(LeanReceiver receiver, byte[] payload)
    {
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Concurrency });
        var url = new Uri(receiver.Address, "/bare");
        await WarmUpAsync(() => PostAllAsync(WarmUp * Listeners));
        return await MeasureAsync(Events * Listeners, () => PostAllAsync(Events * Listeners));

        Task PostAllAsync(int count)
        {
            var remaining = count;
            return Task.WhenAll(Enumerable.Range(0, Concurrency).Select(async _ =>
            {
                while (Interlocked.Decrement(ref remaining) >= 0)
                {
                    using var content = new ByteArrayContent(payload);
                    content.Headers.ContentType = new("application/json");
                    using var response = await client.PostAsync(url, content);
                }
            }));
        }
    }

    private static async Task<(double Rate, double CpuMicroseconds)> EngineAsync(LeanReceiver receiver, byte[] payload)
    {
        await using var portal = await StartPortalAsync();
        await AddListenersAsync(portal, receiver, Listeners, "/engine");
        var publisher = portal.Services.GetRequiredService<EventPublisher>();
        using var document = JsonDocument.Parse(payload);
        var (baseline, delivered) = (receiver.Received, 0);
        await WarmUpAsync(() => PublishAllAsync(WarmUp));
        return await MeasureAsync(Events * Listeners, () => PublishAllAsync(Events));

        async Task PublishAllAsync(int events)
        {
            var next = -1;
            await Task.WhenAll(Enumerable.Range(0, Publishers).Select(async _ =>
            {
                while (Interlocked.Increment(ref next) < events)
                {
                    await publisher.PublishAsync(new PublishRequest("bench.order", document.RootElement, EventOrigin.Api), default);
                }
            }));
            delivered += events * Listeners;
            await WaitForDeliveriesAsync(portal, receiver, baseline, delivered);
        }
    }

    /// <summary>
    /// Runs <paramref name="round"/> until the code it runs is compiled for good (a round compiles almost no more
    /// methods) and connections are open, so that both measurements are of the steady state: the runtime
    /// recompiles hot methods in the background for a few seconds after they first run.
    /// </summary>
    private static async Task WarmUpAsync(Func<Task> round)
    {
        for (var i = 0; i < MaxWarmUpRounds; i++)
        {
            var compiled = System.Runtime.JitInfo.GetCompiledMethodCount();
            await round();
            await Task.Delay(200); // the background compiler catches up
            if (i > 0 && System.Runtime.JitInfo.GetCompiledMethodCount() - compiled < 20)
            {
                return;
            }
        }
    }

    /// <summary>The rate of <paramref name="run"/> and the CPU time this process spent per operation.</summary>
    private static async Task<(double Rate, double CpuMicroseconds)> MeasureAsync(int operations, Func<Task> run)
    {
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        await run();
        var elapsed = watch.Elapsed;
        process.Refresh();
        return (operations / elapsed.TotalSeconds, (process.TotalProcessorTime - cpu).TotalMicroseconds / operations);
    }

    private static async Task<(double P50, double P99, int Count)> LatencyAsync(LeanReceiver receiver)
    {
        await using var portal = await StartPortalAsync();
        await AddListenersAsync(portal, receiver, 1, "/latency");
        var publisher = portal.Services.GetRequiredService<EventPublisher>();
        var (baseline, published) = (receiver.Received, 0);
        await PublishSteadilyAsync(SteadyRate * 2); // two seconds to compile the code and settle the pace
        receiver.TakeLatencies();
        await PublishSteadilyAsync((int)(SteadyRate * SteadyDuration.TotalSeconds));
        var latencies = receiver.TakeLatencies().Order().ToArray();
        return (Percentile(latencies, 50), Percentile(latencies, 99), latencies.Length);

        async Task PublishSteadilyAsync(int count)
        {
            // A steady pace: every millisecond or so, publish the events that are due by then, whatever the
            // earlier ones are doing; each carries the moment it was handed to the publisher.
            var start = Stopwatch.GetTimestamp();
            var publishing = new List<Task>(count);
            while (publishing.Count < count)
            {
                var due = Math.Min(count, (int)(Stopwatch.GetElapsedTime(start).TotalSeconds * SteadyRate) + 1);
                while (publishing.Count < due)
                {
                    using var document = JsonDocument.Parse($$"""{"id":{{publishing.Count}},"sentAt":{{Stopwatch.GetTimestamp()}}}""");
                    publishing.Add(publisher.PublishAsync(new PublishRequest("bench.order", document.RootElement.Clone(), EventOrigin.Api), default));
                }

                await Task.Delay(1);
            }

            await Task.WhenAll(publishing);
            published += count;
            await WaitForDeliveriesAsync(portal, receiver, baseline, published);
        }
    }

    private static Task<PortalServer> StartPortalAsync() => PortalServer.StartAsync(
        "--environment=Production", "--Logging:LogLevel:Microsoft.AspNetCore.StaticFiles=Error", "--Portal:SeedDemoData=false",
        "--Delivery:Enabled=true", "--Delivery:AllowPrivateNetworks=true",
        $"--Delivery:Concurrency={Concurrency}", $"--Delivery:PerListenerConcurrency={Concurrency / Listeners}");

    private static async Task AddListenersAsync(PortalServer portal, LeanReceiver receiver, int count, string path)
    {
        await portal.Services.GetRequiredService<HookService>().CreateAsync(Actor.System,
            new HookDefinition { Name = "bench.order", Description = "Benchmark events", ProvidedFields = ["id", "note", "sentAt"] }, default);
        var listeners = portal.Services.GetRequiredService<ListenerService>();
        for (var i = 0; i < count; i++)
        {
            await listeners.CreateAsync(Actor.System, new ListenerInput("bench.order", new Uri(receiver.Address, $"{path}/{i}").ToString(), null, true, [], []), default);
        }
    }

    /// <summary>Waits until the receiver has every request (cheap to watch), then until every attempt is recorded.</summary>
    private static async Task WaitForDeliveriesAsync(PortalServer portal, LeanReceiver receiver, long receivedBefore, int expected)
    {
        var factory = portal.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<Core.Persistence.PortalDbContext>>();
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromMinutes(3))
        {
            if (receiver.Received - receivedBefore >= expected)
            {
                await using var db = await factory.CreateDbContextAsync();
                if (db.Deliveries.Count(d => d.Status == Core.Deliveries.DeliveryStatus.Succeeded) >= expected)
                {
                    return;
                }
            }

            await Task.Delay(5);
        }

        throw new TimeoutException("The engine did not finish the deliveries within 3 minutes.");
    }

    private static double Percentile(double[] sorted, double percent) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(percent / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
}
