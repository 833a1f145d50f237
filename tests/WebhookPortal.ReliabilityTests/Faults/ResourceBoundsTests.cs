using WebhookPortal.Core.Deliveries;
using WebhookPortal.ReliabilityTests.Support;
using WebhookPortal.TestSupport;
using Xunit.Abstractions;

namespace WebhookPortal.ReliabilityTests.Faults;

/// <summary>
/// What a hostile receiver cannot take from the portal process: its memory (a 50 MB answer, a gzip bomb) and its
/// senders (a receiver that never answers holds a sender no longer than the request timeout).
/// </summary>
[Collection(SlowTests.Name)]
public sealed class ResourceBoundsTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Hook = "bounds.test";

    /// <summary>How much the process's peak memory may grow while it reads a 50 MB answer and a bomb of 512 MB.</summary>
    private const long MemoryCeilingBytes = 32 * 1024 * 1024;

    private readonly TempFolder folder = new();
    private LocalReceiver receiver = default!;

    public async Task InitializeAsync() => receiver = await LocalReceiver.StartAsync();

    [Fact]
    public async Task PeakMemory_GrowsByLessThanTheCeiling_WhenReceiversAnswerWith50MegabytesAndAGzipBomb()
    {
        receiver.Respond("/warm-up", Behaviours.Status(200));
        receiver.Respond("/huge", Behaviours.LargeBody(50 * 1024 * 1024));
        receiver.Respond("/bomb", Behaviours.GzipBomb(512 * 1024 * 1024));
        using var portal = await ChildPortal.StartAsync(folder.File("portal.db"), "--Delivery:RequestTimeoutSeconds=20", "--Delivery:LeaseSeconds=40");
        await portal.CreateHookAsync(Hook, "case");
        await DeliverAsync(portal, "/warm-up"); // the sending path is loaded and compiled before the baseline
        var before = portal.PeakMemoryBytes();

        foreach (var path in new[] { "/huge", "/bomb", "/huge", "/bomb" })
        {
            var attempt = (await DeliverAsync(portal, path)).Attempts.Single();
            Assert.True(attempt.ResponseBodyTruncated, $"{path}: the body was not cut at the limit");
        }

        var grown = portal.PeakMemoryBytes() - before;
        output.WriteLine($"peak memory (VmHWM) {before / 1048576.0:0.0} MB before, {(before + grown) / 1048576.0:0.0} MB after two 50 MB answers " +
                         $"and two gzip bombs of 512 MB: grew {grown / 1048576.0:0.0} MB (ceiling {MemoryCeilingBytes / 1048576} MB); " +
                         $"resident now {portal.MemoryBytes() / 1048576.0:0.0} MB");
        Assert.True(grown < MemoryCeilingBytes, $"peak memory grew {grown / 1048576.0:0.0} MB, over the {MemoryCeilingBytes / 1048576} MB ceiling");
    }

    [Fact]
    public async Task HealthyListener_IsStillServed_WhenAHangingReceiverHeldEverySender()
    {
        receiver.Respond("/hang", Behaviours.Hang());
        receiver.Respond("/healthy", Behaviours.Status(204));
        const int timeoutSeconds = 3;
        using var portal = await ChildPortal.StartAsync(folder.File("portal.db"), "--Delivery:Concurrency=2", "--Delivery:PerListenerConcurrency=2",
            $"--Delivery:RequestTimeoutSeconds={timeoutSeconds}", "--Delivery:LeaseSeconds=10");
        await portal.CreateHookAsync(Hook, "case");
        var hanging = await portal.CreateListenerAsync(Hook, receiver.Url("/hang"), ("case", "hang"));
        await portal.CreateListenerAsync(Hook, receiver.Url("/healthy"), ("case", "healthy"));

        var hangingEvents = new[] { await portal.PublishOrFailAsync(Hook, """{"case":"hang"}"""), await portal.PublishOrFailAsync(Hook, """{"case":"hang"}""") };
        var held = await receiver.WaitForAsync("/hang", 2, TimeSpan.FromSeconds(20)); // both senders are now taken
        await portal.PublishOrFailAsync(Hook, """{"case":"healthy"}""");
        var served = (await receiver.WaitForAsync("/healthy", 1, TimeSpan.FromSeconds(30)))[0];

        var waited = served.ReceivedAt - held.Max(r => r.ReceivedAt);
        foreach (var eventId in hangingEvents)
        {
            var details = await portal.DeliveryAsync((await portal.DeliveryIdsOfAsync(eventId)).Single());
            var attempt = Assert.Single(details.Attempts);
            Assert.Equal(AttemptErrorKind.Timeout, attempt.ErrorKind);
            Assert.True(attempt.DurationMilliseconds <= timeoutSeconds * 1000 + 1_500, $"a hanging request held its sender {attempt.DurationMilliseconds} ms");
        }

        Assert.True(await portal.ListenerEnabledAsync(hanging), "two timeouts are not enough to disable a listener");
        output.WriteLine($"with both senders held by a receiver that never answers, the healthy listener's delivery arrived {waited.TotalSeconds:0.0} s " +
                         $"after the second hanging request began (request timeout {timeoutSeconds} s)");
    }

    private async Task<DeliveryDetails> DeliverAsync(ChildPortal portal, string path)
    {
        var name = path.Trim('/');
        if (!receiver.RequestsTo(path).Any())
        {
            await portal.CreateListenerAsync(Hook, receiver.Url(path), ("case", name));
        }

        var deliveryId = (await portal.DeliveryIdsOfAsync(await portal.PublishOrFailAsync(Hook, $$"""{"case":"{{name}}"}"""))).Single();
        DeliveryDetails details = await portal.DeliveryAsync(deliveryId);
        await Waiting.UntilAsync(() => details.Delivery.Status == DeliveryStatus.Succeeded, TimeSpan.FromSeconds(60),
            () => $"{path}: the delivery is {details.Delivery.Status} after {details.Attempts.Count} attempts " +
                  $"({details.Attempts.LastOrDefault()?.ErrorMessage})", TimeSpan.FromMilliseconds(200),
            refresh: async () => details = await portal.DeliveryAsync(deliveryId));
        return details;
    }

    public async Task DisposeAsync()
    {
        await receiver.DisposeAsync();
        folder.Dispose();
    }
}
