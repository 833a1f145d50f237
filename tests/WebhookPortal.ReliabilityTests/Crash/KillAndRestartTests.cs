using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using WebhookPortal.Core.Deliveries;
using WebhookPortal.ReliabilityTests.Support;
using WebhookPortal.TestSupport;
using Xunit.Abstractions;

namespace WebhookPortal.ReliabilityTests.Crash;

/// <summary>
/// At-least-once through a real crash: the portal runs as its own process on a database file and is killed with
/// SIGKILL (<c>kill -9</c>) — no shutdown code runs, the write-ahead log is left as it was — then started again on
/// the same file. What was stored is delivered; what was in flight may come twice, nothing else does.
/// </summary>
[Collection(SlowTests.Name)]
public sealed class KillAndRestartTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Hook = "crash.test";
    private const int Events = 2_000;
    private static readonly string[] Paths = ["/a", "/b"];

    // Short leases so a restart takes over a killed node's claims within seconds; enough senders that 4,000 slow answers
    // take about ten seconds.
    private static readonly string[] Settings =
    [
        "--Delivery:Concurrency=64", "--Delivery:PerListenerConcurrency=32", "--Delivery:LeaseSeconds=5",
        "--Delivery:RequestTimeoutSeconds=3", "--Delivery:PollSeconds=1",
    ];

    private readonly TempFolder folder = new();
    private LocalReceiver receiver = default!;

    private string DatabasePath => folder.File("portal.db");

    public async Task InitializeAsync() => receiver = await LocalReceiver.StartAsync();

    [Fact]
    public async Task Restart_DeliversEveryEventToEveryListener_AndRepeatsOnlyWhatWasInFlight_WhenKilledWhileDelivering()
    {
        foreach (var path in Paths)
        {
            receiver.Respond(path, Behaviours.Delay(TimeSpan.FromMilliseconds(200)));
        }

        var file = new PortalFile(DatabasePath);
        HashSet<string> inFlightAtKill;
        int receivedBeforeKill;
        using (var first = await ChildPortal.StartAsync(DatabasePath, Settings))
        {
            await CreateHookAndListenersAsync(first);
            await PublishAllAsync(first);
            // Kill once a fifth has arrived: publishing is over, and the senders are busy.
            await Waiting.UntilAsync(() => receiver.Requests.Count >= Events * Paths.Length / 5, TimeSpan.FromSeconds(90),
                () => $"only {receiver.Requests.Count} requests arrived before the kill; {file.StatusCounts()}");
            first.Kill();
            receivedBeforeKill = receiver.Requests.Count;
            inFlightAtKill = file.DeliveryIds("status = 'Sending'");
        }

        Assert.True(inFlightAtKill.Count > 0, $"the kill should have caught deliveries in flight; {file.StatusCounts()}");
        Assert.True(file.Scalar("SELECT count(*) FROM deliveries WHERE status = 'Succeeded'") < Events * Paths.Length,
            "the kill should have come before the end");

        var drain = Stopwatch.StartNew();
        using var second = await ChildPortal.StartAsync(DatabasePath, Settings);
        await WaitAllSucceededAsync(file, TimeSpan.FromSeconds(120));
        drain.Stop();

        var received = Received.From(receiver);
        var missing = received.Missing(ExpectedPairs(), out var missingCount);
        Assert.True(missingCount == 0, $"{missingCount} event × listener pairs never arrived: {missing}");
        var allIds = file.DeliveryIds();
        Assert.Equal(Events * Paths.Length, allIds.Count);
        received.AssertEveryIdArrived(allIds);
        received.AssertOneIdPerPair();
        var unexpected = received.Duplicates.Where(id => !inFlightAtKill.Contains(id)).ToList();
        Assert.True(unexpected.Count == 0, $"these webhook-ids came twice but were not in flight at the kill: {string.Join(", ", unexpected.Take(20))}");
        Assert.Equal(Events * Paths.Length, await second.CountAsync(DeliveryStatus.Succeeded)); // the log says so too
        Assert.Equal(0, await second.CountAsync(DeliveryStatus.Sending) + await second.CountAsync(DeliveryStatus.Pending));

        output.WriteLine($"crash while delivering: {Events} events × {Paths.Length} listeners = {allIds.Count} deliveries; " +
                         $"{receivedBeforeKill} requests had arrived at the kill, {inFlightAtKill.Count} deliveries were in flight (Sending); " +
                         $"after the restart every one Succeeded in {drain.Elapsed.TotalSeconds:0.0} s (process start included); " +
                         $"{received.Requests.Count} requests in all, {received.Duplicates.Count} webhook-ids came twice, all of them in flight at the kill");
    }

    [Fact]
    public async Task Restart_DeliversEveryAcceptedEvent_AndNoEventIsHalfStored_WhenKilledWhilePublishing()
    {
        foreach (var path in Paths)
        {
            receiver.Respond(path, Behaviours.Status(200));
        }

        var file = new PortalFile(DatabasePath);
        var accepted = new ConcurrentDictionary<int, string>(); // seq → event id, for every 202
        var unanswered = new ConcurrentBag<int>(); // sent, but no 202 came back
        using (var first = await ChildPortal.StartAsync(DatabasePath, Settings))
        {
            await CreateHookAndListenersAsync(first);
            using var killed = new CancellationTokenSource();
            var next = -1;
            var publishers = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
            {
                int seq;
                while (!killed.IsCancellationRequested && (seq = Interlocked.Increment(ref next)) < Events)
                {
                    try
                    {
                        using var response = await first.PublishAsync(Hook, Received.Payload(seq));
                        if (response.StatusCode == HttpStatusCode.Accepted)
                        {
                            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                            accepted[seq] = body.RootElement.GetProperty("eventId").GetString()!;
                            continue;
                        }
                    }
                    catch (HttpRequestException)
                    {
                        // the process died under this request
                    }

                    unanswered.Add(seq);
                }
            })).ToList();

            await Waiting.UntilAsync(() => accepted.Count >= 300, TimeSpan.FromSeconds(60), () => $"only {accepted.Count} publishes were accepted");
            first.Kill();
            killed.Cancel();
            await Task.WhenAll(publishers);
        }

        // Straight after the crash, before anything could repair it: every event has all its deliveries.
        var events = file.Query("SELECT e.id, json_extract(e.payload, '$.seq'), e.delivery_count, (SELECT count(*) FROM deliveries d WHERE d.event_id = e.id) FROM events e",
            r => (Id: r.GetString(0), Seq: r.GetInt32(1), Declared: r.GetInt32(2), Stored: r.GetInt32(3)));
        var halfStored = events.Where(e => e.Declared != Paths.Length || e.Stored != Paths.Length).ToList();
        Assert.True(halfStored.Count == 0, $"half-stored events: {string.Join(", ", halfStored.Take(20))}");
        var storedIds = events.Select(e => e.Id).ToHashSet();
        var lost = accepted.Where(a => !storedIds.Contains(a.Value)).Select(a => a.Key).ToList();
        Assert.True(lost.Count == 0, $"these events got a 202 but are not in the database: {string.Join(", ", lost.Take(20))}");
        var storedWithout202 = unanswered.Count(seq => events.Any(e => e.Seq == seq));

        using var second = await ChildPortal.StartAsync(DatabasePath, Settings);
        await WaitAllSucceededAsync(file, TimeSpan.FromSeconds(120));

        var received = Received.From(receiver);
        var missing = received.Missing(accepted.Keys.SelectMany(seq => Paths.Select(p => (p, seq))), out var missingCount);
        Assert.True(missingCount == 0, $"{missingCount} accepted event × listener pairs never arrived: {missing}");
        received.AssertEveryIdArrived(file.DeliveryIds());
        output.WriteLine($"crash while publishing: {accepted.Count} publishes answered 202, all stored with both deliveries and delivered; " +
                         $"{unanswered.Count} got no 202 (in flight at the kill, or refused after it): {storedWithout202} of them stored whole " +
                         $"(and delivered), the others absent; {events.Count} events in the file, none half-stored");
    }

    private static IEnumerable<(string Path, int Seq)> ExpectedPairs() =>
        Enumerable.Range(0, Events).SelectMany(seq => Paths.Select(path => (path, seq)));

    private async Task CreateHookAndListenersAsync(ChildPortal portal)
    {
        await portal.CreateHookAsync(Hook, "seq");
        foreach (var path in Paths)
        {
            await portal.CreateListenerAsync(Hook, receiver.Url(path));
        }
    }

    private static async Task PublishAllAsync(ChildPortal portal)
    {
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(async () =>
        {
            int seq;
            while ((seq = Interlocked.Increment(ref next)) < Events)
            {
                await portal.PublishOrFailAsync(Hook, Received.Payload(seq));
            }
        })));
    }

    private Task WaitAllSucceededAsync(PortalFile file, TimeSpan timeout) =>
        Waiting.UntilAsync(() => file.Scalar("SELECT count(*) FROM deliveries WHERE status <> 'Succeeded'") == 0, timeout,
            () => $"deliveries by status: {file.StatusCounts()}; {receiver.Requests.Count} requests received", TimeSpan.FromMilliseconds(500));

    public async Task DisposeAsync()
    {
        await receiver.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        folder.Dispose();
    }
}
