using System.Diagnostics;
using WebhookPortal.ReliabilityTests.Support;
using WebhookPortal.TestSupport;
using Xunit.Abstractions;

namespace WebhookPortal.ReliabilityTests.Crash;

/// <summary>
/// A graceful stop (SIGTERM, what a service manager or a container runtime sends) with requests in flight: those that
/// finish within <c>Delivery:ShutdownGraceSeconds</c> are recorded, the rest are given back, and nothing is left
/// <c>Sending</c> under a lease — so the next start delivers them at once, not after the lease runs out.
/// </summary>
[Collection(SlowTests.Name)]
public sealed class GracefulStopTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Hook = "graceful.test";
    private const int Events = 100;
    private static readonly string[] Paths = ["/a", "/b"];

    // The lease is far longer than the test's waits: a delivery left Sending could not be delivered again in time.
    private static readonly string[] Settings =
    [
        "--Delivery:Concurrency=16", "--Delivery:PerListenerConcurrency=8", "--Delivery:LeaseSeconds=300",
        "--Delivery:RequestTimeoutSeconds=30", "--Delivery:ShutdownGraceSeconds=1",
    ];

    private readonly TempFolder folder = new();
    private LocalReceiver receiver = default!;

    public async Task InitializeAsync() => receiver = await LocalReceiver.StartAsync();

    [Fact]
    public async Task Restart_DeliversAtOnceAndNothingIsLeftSending_AfterAGracefulStopWithRequestsInFlight()
    {
        // Odd calls answer within the grace, even ones outlast it: the stop sees both kinds in flight.
        foreach (var path in Paths)
        {
            receiver.Respond(path, (context, call) =>
                Behaviours.Delay(TimeSpan.FromMilliseconds(call % 2 == 1 ? 300 : 5_000))(context, call));
        }

        var database = folder.File("portal.db");
        var file = new PortalFile(database);
        using (var first = await ChildPortal.StartAsync(database, Settings))
        {
            await first.CreateHookAsync(Hook, "seq");
            foreach (var path in Paths)
            {
                await first.CreateListenerAsync(Hook, receiver.Url(path));
            }

            for (var seq = 0; seq < Events; seq++)
            {
                await first.PublishOrFailAsync(Hook, Received.Payload(seq));
            }

            await Waiting.UntilAsync(() => receiver.Requests.Count >= 24, TimeSpan.FromSeconds(60),
                () => $"only {receiver.Requests.Count} requests arrived; {file.StatusCounts()}");
            var exitCode = await first.StopAsync(TimeSpan.FromSeconds(40));
            Assert.True(exitCode == 0, $"exit code {exitCode} after SIGTERM. Output:\n{first.Output}");
        }

        var leftSending = file.Scalar("SELECT count(*) FROM deliveries WHERE status = 'Sending' OR lease_expires_at IS NOT NULL");
        var succeededBeforeStop = file.Scalar("SELECT count(*) FROM deliveries WHERE status = 'Succeeded'");
        var receivedBeforeStop = receiver.Requests.Count;
        Assert.True(leftSending == 0, $"{leftSending} deliveries were left Sending or leased by the graceful stop; {file.StatusCounts()}");
        Assert.True(succeededBeforeStop < Events * Paths.Length, "the stop should have come with work still to do");

        foreach (var path in Paths)
        {
            receiver.Respond(path, Behaviours.Status(200));
        }

        var drain = Stopwatch.StartNew();
        using var second = await ChildPortal.StartAsync(database, Settings);
        await Waiting.UntilAsync(() => file.Scalar("SELECT count(*) FROM deliveries WHERE status <> 'Succeeded'") == 0, TimeSpan.FromSeconds(60),
            () => $"deliveries by status: {file.StatusCounts()} (a delivery left under its 300 s lease would wait for it)", TimeSpan.FromMilliseconds(500));
        drain.Stop();

        var received = Received.From(receiver);
        received.AssertEveryIdArrived(file.DeliveryIds());
        received.AssertOneIdPerPair();
        Assert.Equal(0, file.Scalar("SELECT count(*) FROM deliveries WHERE status = 'Sending' OR lease_expires_at IS NOT NULL"));
        // A request cut short by the stop is not counted: each delivery's attempts are numbered 1, 2, … without a gap.
        Assert.Equal(0, file.Scalar("SELECT count(*) FROM deliveries d WHERE d.attempt_count <> (SELECT count(*) FROM delivery_attempts a WHERE a.delivery_id = d.id)"));
        output.WriteLine($"graceful stop: {Events * Paths.Length} deliveries; {receivedBeforeStop} requests had started, {succeededBeforeStop} deliveries " +
                         $"were recorded as Succeeded by the stop, none left Sending; the restart delivered the rest in {drain.Elapsed.TotalSeconds:0.0} s " +
                         $"(process start included); {received.Duplicates.Count} webhook-ids came twice (cut short by the stop and sent again)");
    }

    public async Task DisposeAsync()
    {
        await receiver.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        folder.Dispose();
    }
}
