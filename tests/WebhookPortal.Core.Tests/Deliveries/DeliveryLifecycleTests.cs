using WebhookPortal.Core.Accounts;
using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using WebhookPortal.Core.Deliveries;
using WebhookPortal.Core.Events;
using WebhookPortal.Core.Filters;
using WebhookPortal.Core.Persistence;
using WebhookPortal.TestSupport;

namespace WebhookPortal.Core.Tests.Deliveries;

/// <summary>Leases, shutdown, listener health and observers: the engine's promises beyond one attempt.</summary>
public sealed class DeliveryLifecycleTests
{
    private static readonly (string, string?)[] EngineSettings =
    [
        ("Delivery:Enabled", "true"), ("Delivery:AllowPrivateNetworks", "true"), ("Delivery:JitterPercent", "0"),
        ("Delivery:RetrySchedule:0", "0"), ("Delivery:RetrySchedule:1", "1"), ("Delivery:RetrySchedule:2", "1"),
        ("Delivery:RequestTimeoutSeconds", "2"), ("Delivery:LeaseSeconds", "4"), ("Portal:SeedDemoData", "false"),
    ];

    [Fact]
    public async Task ExpiredLease_IsClaimedAgainAndDeliveredWithTheSameId_AndTheStaleSenderCannotOverwriteTheResult()
    {
        // Node A stores the event and claims the delivery, then stalls; node B's dispatcher takes over once the lease ran out.
        await using var nodeA = await CoreFixture.StartAsync(TimeProvider.System, ("Delivery:AllowPrivateNetworks", "true"));
        await using var receiver = await LocalReceiver.StartAsync();
        await nodeA.Listeners.CreateAsync(Actor.System, CoreFixture.Input(url: receiver.Url("/lease")), default);
        var published = await nodeA.Get<EventPublisher>().PublishAsync(new PublishRequest(CoreFixture.HookName,
            System.Text.Json.JsonDocument.Parse("{\"id\":1}").RootElement, EventOrigin.Api), default);
        var stale = Assert.Single((await nodeA.Get<DeliveryQueue>().ClaimAsync(10, 4, new Dictionary<string, int>(),
            DateTimeOffset.UtcNow, TimeSpan.FromSeconds(1), default)).Claims);

        using var nodeB = CoreHost.Build(nodeA.Folder, TimeProvider.System, null, EngineSettings);
        await nodeB.StartAsync();
        var request = (await receiver.WaitForAsync("/lease", 1, TimeSpan.FromSeconds(15)))[0];
        Assert.Equal(stale.Id, request.Header("webhook-id"));
        var delivered = await WaitForStatusAsync(nodeA, published.Value!.EventId, DeliveryStatus.Succeeded);
        Assert.Equal(2, delivered.AttemptCount);

        // The stalled sender on node A finally reports a failure: it is kept as an attempt, but the delivery stays delivered.
        var work = new DeliveryWork(stale, [], receiver.Url("/lease"), ["whsec_" + Convert.ToBase64String(new byte[32])], []);
        var lateFailure = new SentAttempt(work,
            new DeliveryAttempt { DeliveryId = stale.Id, Number = stale.AttemptNumber, RequestUrl = work.Url, ErrorKind = AttemptErrorKind.Timeout, StartedAt = DateTimeOffset.UtcNow },
            new AttemptResult(AttemptErrorKind.Timeout), DateTimeOffset.UtcNow);
        var recorded = await nodeA.Get<AttemptRecorder>().RecordAsync(lateFailure, default);

        Assert.False(recorded.Applied);
        Assert.Equal(DeliveryStatus.Succeeded, (await DeliveryAsync(nodeA, published.Value.EventId)).Status);
        await nodeB.StopAsync();
    }

    [Fact]
    public async Task Shutdown_GivesTheLeaseOfARequestInFlightBack_AndTheNextStartDeliversIt()
    {
        await using var receiver = await LocalReceiver.StartAsync();
        receiver.Respond("/slow", (context, call) => call == 1
            ? Behaviours.Delay(TimeSpan.FromSeconds(5))(context, call)
            : Behaviours.Status(200)(context, call));
        await using var first = await CoreFixture.StartAsync(TimeProvider.System, [.. EngineSettings, ("Delivery:ShutdownGraceSeconds", "0")]);
        await first.Listeners.CreateAsync(Actor.System, CoreFixture.Input(url: receiver.Url("/slow")), default);
        var published = (await first.Get<EventPublisher>().PublishAsync(new PublishRequest(CoreFixture.HookName,
            System.Text.Json.JsonDocument.Parse("{\"id\":1}").RootElement, EventOrigin.Api), default)).Value!;
        await receiver.WaitForAsync("/slow", 1, TimeSpan.FromSeconds(10));

        await first.Host.StopAsync();

        var released = await DeliveryAsync(first, published.EventId);
        Assert.Equal((DeliveryStatus.Pending, 0, null), (released.Status, released.AttemptCount, released.LeaseExpiresAt));
        using var second = CoreHost.Build(first.Folder, TimeProvider.System, null, EngineSettings);
        await second.StartAsync();
        var delivered = await WaitForStatusAsync(first, published.EventId, DeliveryStatus.Succeeded);
        var requests = receiver.RequestsTo("/slow");
        Assert.Equal(2, requests.Count);
        Assert.Equal(delivered.Id, requests[1].Header("webhook-id"));
        Assert.Equal(requests[0].Header("webhook-id"), requests[1].Header("webhook-id"));
        await second.StopAsync();
    }

    [Fact]
    public async Task Shutdown_LetsARequestInFlightFinishWithinTheGrace_AndRecordsIt()
    {
        await using var engine = await EngineFixture.StartAsync(("Delivery:ShutdownGraceSeconds", "10"));
        engine.Receiver.Respond("/finishing", Behaviours.Delay(TimeSpan.FromMilliseconds(800)));
        await engine.ListenerAsync("/finishing");
        var published = await engine.PublishAsync();
        await engine.Receiver.WaitForAsync("/finishing", 1, TimeSpan.FromSeconds(10));

        await engine.Core.Host.StopAsync();

        var delivery = await engine.DeliveryOfAsync(published.EventId);
        Assert.Equal(DeliveryStatus.Succeeded, delivery.Status);
        Assert.Single(await engine.AttemptsAsync(delivery.Id));
    }

    [Fact]
    public async Task Health_DisablesTheListenerAfterTheConfiguredFailures_AndHoldsItsDeliveries()
    {
        await using var engine = await EngineFixture.StartAsync(("Delivery:DisableAfterFailures", "2"), ("Delivery:DisableAfterHours", "0"));
        engine.Receiver.Respond("/failing", Behaviours.Status(503));
        var id = await engine.ListenerAsync("/failing");

        var published = await engine.PublishAsync();
        var listener = await WaitForListenerAsync(engine.Core, id, l => !l.Enabled);

        Assert.Equal(2, listener.ConsecutiveFailures);
        Assert.StartsWith("Disabled after 2 failed attempts in a row", listener.DisabledReason);
        var held = await engine.DeliveryOfAsync(published.EventId);
        Assert.True(held.Held);
        Assert.Equal(DeliveryStatus.Pending, held.Status);
        await Task.Delay(1500);
        Assert.Equal(2, engine.Receiver.RequestsTo("/failing").Count);
    }

    [Fact]
    public async Task Health_ResetsTheFailureCount_OnASuccess()
    {
        await using var engine = await EngineFixture.StartAsync();
        engine.Receiver.Respond("/recovering", Behaviours.FailFirst(1));
        var id = await engine.ListenerAsync("/recovering");

        var published = await engine.PublishAsync();
        await engine.WaitForAsync(published.EventId, DeliveryStatus.Succeeded);

        var listener = await WaitForListenerAsync(engine.Core, id, l => l.ConsecutiveFailures == 0);
        Assert.Equal(0, listener.ConsecutiveFailures);
        Assert.Null(listener.FailingSince);
    }

    [Fact]
    public async Task Observers_HearEveryStep_AndOneThatThrowsBreaksNothing()
    {
        var heard = new RecordingObserver();
        await using var engine = await EngineFixture.StartAsync(services => services
            .AddSingleton<IDeliveryObserver>(new ThrowingObserver())
            .AddSingleton<IDeliveryObserver>(heard));
        engine.Receiver.Respond("/ok", Behaviours.Status(200));
        engine.Receiver.Respond("/gone", Behaviours.Status(410));
        var okListener = await engine.ListenerAsync("/ok", new MatchFilter("name", FilterOperator.Is, "ok"));
        var goneListener = await engine.ListenerAsync("/gone", new MatchFilter("name", FilterOperator.Is, "gone"));

        var ok = await engine.PublishAsync("""{"id":1,"name":"ok"}""");
        var gone = await engine.PublishAsync("""{"id":2,"name":"gone"}""");
        await engine.WaitForAsync(ok.EventId, DeliveryStatus.Succeeded);
        await engine.WaitForAsync(gone.EventId, DeliveryStatus.Failed);
        await heard.WaitForAsync(n => n.OfType<ListenerDisabled>().Any());

        Assert.Contains(heard.Notifications, n => n is AttemptStarted s && s.ListenerId == okListener);
        Assert.Contains(heard.Notifications, n => n is AttemptFinished { Succeeded: true, StatusCode: 200 } f && f.ListenerId == okListener);
        Assert.Contains(heard.Notifications, n => n is DeliveryFailed f && f.ListenerId == goneListener && f.Reason.Contains("410"));
        Assert.Contains(heard.Notifications, n => n is ListenerDisabled d && d.ListenerId == goneListener);
    }

    [Fact]
    public async Task Dispatcher_SendsNothingToARefusedAddress_AndSaysWhy()
    {
        await using var engine = await EngineFixture.StartAsync(("Delivery:AllowPrivateNetworks", "false"));
        await engine.ListenerAsync("/private");

        var published = await engine.PublishAsync();
        var delivery = await WaitForAttemptCountAsync(engine, published.EventId);

        var attempt = Assert.Single(await engine.AttemptsAsync(delivery.Id));
        Assert.Equal(AttemptErrorKind.BlockedDestination, attempt.ErrorKind);
        Assert.Contains("loopback", attempt.ErrorMessage);
        Assert.Empty(engine.Receiver.RequestsTo("/private"));
    }

    [Fact]
    public async Task Dispatcher_FailsClosed_WhenTheHostNameDoesNotResolve()
    {
        await using var engine = await EngineFixture.StartAsync();
        await engine.Core.Listeners.CreateAsync(Actor.System, CoreFixture.Input(url: "http://nowhere.invalid/hook"), default);

        var published = await engine.PublishAsync();
        var delivery = await WaitForAttemptCountAsync(engine, published.EventId);

        Assert.Equal(AttemptErrorKind.DnsFailure, Assert.Single(await engine.AttemptsAsync(delivery.Id)).ErrorKind);
    }

    private static async Task<Delivery> WaitForAttemptCountAsync(EngineFixture engine, string eventId)
    {
        for (var i = 0; i < 300; i++)
        {
            var delivery = await engine.DeliveryOfAsync(eventId);
            if (delivery.AttemptCount > 0 && delivery.Status != DeliveryStatus.Sending)
            {
                return delivery;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("No attempt finished within 15 s.");
    }

    private static async Task<Delivery> DeliveryAsync(CoreFixture fixture, string eventId)
    {
        await using var db = await fixture.ContextAsync();
        return await db.Deliveries.AsNoTracking().SingleAsync(d => d.EventId == eventId);
    }

    private static async Task<Delivery> WaitForStatusAsync(CoreFixture fixture, string eventId, DeliveryStatus status)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var delivery = await DeliveryAsync(fixture, eventId);
            if (delivery.Status == status || DateTime.UtcNow > deadline)
            {
                Assert.Equal(status, delivery.Status);
                return delivery;
            }

            await Task.Delay(50);
        }
    }

    private static async Task<Core.Listeners.Listener> WaitForListenerAsync(CoreFixture fixture, string id, Func<Core.Listeners.Listener, bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            await using var db = await fixture.ContextAsync();
            var listener = await db.Listeners.AsNoTracking().SingleAsync(l => l.Id == id);
            if (condition(listener) || DateTime.UtcNow > deadline)
            {
                return listener;
            }

            await Task.Delay(50);
        }
    }

    private sealed class RecordingObserver : IDeliveryObserver
    {
        private readonly ConcurrentQueue<object> notifications = new();

        public IReadOnlyList<object> Notifications => notifications.ToList();

        public Task AttemptStartedAsync(AttemptStarted started, CancellationToken cancellationToken) => Note(started);

        public Task AttemptFinishedAsync(AttemptFinished finished, CancellationToken cancellationToken) => Note(finished);

        public Task DeliveryFailedAsync(DeliveryFailed failed, CancellationToken cancellationToken) => Note(failed);

        public Task ListenerDisabledAsync(ListenerDisabled disabled, CancellationToken cancellationToken) => Note(disabled);

        public async Task WaitForAsync(Func<IReadOnlyList<object>, bool> condition)
        {
            for (var i = 0; i < 200 && !condition(Notifications); i++)
            {
                await Task.Delay(50);
            }
        }

        private Task Note(object notification)
        {
            notifications.Enqueue(notification);
            return Task.CompletedTask;
        }
    }

    private sealed class ThrowingObserver : IDeliveryObserver
    {
        public Task AttemptFinishedAsync(AttemptFinished finished, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("This observer always fails.");
    }
}
