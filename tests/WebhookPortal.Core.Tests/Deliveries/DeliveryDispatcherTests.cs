using WebhookPortal.Core.Accounts;
using System.Text;
using Microsoft.EntityFrameworkCore;
using WebhookPortal.Core.Deliveries;
using WebhookPortal.Core.Filters;
using WebhookPortal.TestSupport;

namespace WebhookPortal.Core.Tests.Deliveries;

/// <summary>The engine against a real receiver on 127.0.0.1: retries, failures, timeouts, limits and signatures.</summary>
public sealed class DeliveryDispatcherTests : IAsyncLifetime
{
    private EngineFixture engine = default!;

    public async Task InitializeAsync() => engine = await EngineFixture.StartAsync();

    [Fact]
    public async Task Dispatcher_RetriesUntilTheReceiverSucceeds_WithOneWebhookIdThroughout()
    {
        engine.Receiver.Respond("/flaky", Behaviours.FailFirst(2));
        await engine.ListenerAsync("/flaky");

        var published = await engine.PublishAsync();
        var delivery = await engine.WaitForAsync(published.EventId, DeliveryStatus.Succeeded);

        var requests = engine.Receiver.RequestsTo("/flaky");
        Assert.Equal(3, requests.Count);
        Assert.All(requests, r => Assert.Equal(delivery.Id, r.Header("webhook-id")));
        Assert.All(requests, r => Assert.Equal("""{"id":1,"name":"Jane"}""", r.BodyText));
        var attempts = await engine.AttemptsAsync(delivery.Id);
        Assert.Equal([1, 2, 3], attempts.Select(a => a.Number));
        Assert.Equal([500, 500, 200], attempts.Select(a => a.ResponseStatus ?? 0));
        Assert.Equal([AttemptErrorKind.HttpError, AttemptErrorKind.HttpError, AttemptErrorKind.None], attempts.Select(a => a.ErrorKind));
        Assert.Equal(3, delivery.AttemptCount);
        Assert.NotNull(delivery.CompletedAt);
    }

    [Fact]
    public async Task Dispatcher_FailsTheDeliveryForGood_AfterTheLastAttemptOfTheSchedule()
    {
        engine.Receiver.Respond("/broken", Behaviours.Status(500, "down for maintenance"));
        await engine.ListenerAsync("/broken");

        var published = await engine.PublishAsync();
        var delivery = await engine.WaitForAsync(published.EventId, DeliveryStatus.Failed);

        Assert.Equal(3, delivery.AttemptCount);
        var last = (await engine.AttemptsAsync(delivery.Id)).Last();
        Assert.Equal("down for maintenance", last.ResponseBody);
        Assert.Contains("500", last.ErrorMessage);
        await Task.Delay(1500);
        Assert.Equal(3, engine.Receiver.RequestsTo("/broken").Count); // and nothing more after the end
    }

    [Fact]
    public async Task Dispatcher_RecordsATimeout_WhenTheReceiverNeverAnswers()
    {
        engine.Receiver.Respond("/hang", Behaviours.Hang());
        await engine.ListenerAsync("/hang");

        var published = await engine.PublishAsync();
        await engine.Receiver.WaitForAsync("/hang", 1, TimeSpan.FromSeconds(10));
        var attempt = await WaitForAttemptAsync(published.EventId);

        Assert.Equal(AttemptErrorKind.Timeout, attempt.ErrorKind);
        Assert.Contains("Delivery:RequestTimeoutSeconds", attempt.ErrorMessage);
        var delivery = await engine.DeliveryOfAsync(published.EventId);
        Assert.Equal(DeliveryStatus.Pending, delivery.Status);
        Assert.True(delivery.NextAttemptAt >= attempt.StartedAt.AddSeconds(60), "a timeout waits at least a minute");
    }

    [Fact]
    public async Task Dispatcher_DoesNotFollowARedirect_AndNamesWhereItPointed()
    {
        engine.Receiver.Respond("/moved", Behaviours.Redirect(engine.Receiver.Url("/new-home")));
        await engine.ListenerAsync("/moved");

        var published = await engine.PublishAsync();
        var attempt = await WaitForAttemptAsync(published.EventId);

        Assert.Equal(302, attempt.ResponseStatus);
        Assert.Equal(AttemptErrorKind.HttpError, attempt.ErrorKind);
        Assert.Contains("/new-home", attempt.ErrorMessage);
        Assert.Contains("not followed", attempt.ErrorMessage);
        Assert.Empty(engine.Receiver.RequestsTo("/new-home"));
    }

    [Theory]
    [InlineData("/huge")]
    [InlineData("/bomb")]
    public async Task Dispatcher_KeepsOnlyTheLimitOfALargeOrCompressedAnswer(string path)
    {
        engine.Receiver.Respond("/huge", Behaviours.LargeBody(20 * 1024 * 1024));
        engine.Receiver.Respond("/bomb", Behaviours.GzipBomb(100 * 1024 * 1024));
        await engine.ListenerAsync(path);

        var published = await engine.PublishAsync();
        var delivery = await engine.WaitForAsync(published.EventId, DeliveryStatus.Succeeded);

        var attempt = Assert.Single(await engine.AttemptsAsync(delivery.Id));
        Assert.Equal(16 * 1024, attempt.ResponseBody!.Length);
        Assert.True(attempt.ResponseBodyTruncated);
    }

    [Fact]
    public async Task Dispatcher_SignsWithTheListenersSecret_SoTheStandardWebhooksCheckPasses()
    {
        await engine.ListenerAsync("/signed");
        var listener = (await engine.Core.Listeners.ListAsync(Actor.System, new Core.Listeners.ListenerQuery(), default)).Items.Single();
        var secret = (await engine.Core.Listeners.FindAsync(Actor.System, listener.Id, default))!.Secret;

        await engine.PublishAsync();
        var request = (await engine.Receiver.WaitForAsync("/signed", 1, TimeSpan.FromSeconds(10)))[0];

        var timestamp = long.Parse(request.Header("webhook-timestamp")!);
        Assert.Equal(WebhookSignature.Sign(request.Header("webhook-id")!, timestamp, request.Body, [secret]), request.Header("webhook-signature"));
        Assert.Equal("application/json; charset=utf-8", request.Header("content-type"));
        Assert.Equal("WebhookPortal/1.0", request.Header("user-agent"));
    }

    [Fact]
    public async Task Dispatcher_SignsWithBothSecrets_DuringARotationOverlap()
    {
        var id = await engine.ListenerAsync("/rotated");
        var before = (await engine.Core.Listeners.FindAsync(Actor.System, id, default))!.Secret;
        var rotated = (await engine.Core.Listeners.RotateSecretAsync(Actor.System, id, default)).Value!;

        await engine.PublishAsync();
        var request = (await engine.Receiver.WaitForAsync("/rotated", 1, TimeSpan.FromSeconds(10)))[0];

        var timestamp = long.Parse(request.Header("webhook-timestamp")!);
        Assert.Equal(WebhookSignature.Sign(request.Header("webhook-id")!, timestamp, request.Body, [rotated.Secret, before]),
            request.Header("webhook-signature"));
    }

    [Fact]
    public async Task Dispatcher_KeepsToThePerListenerLimit_SoOneSlowReceiverCannotTakeEverySender()
    {
        engine.Receiver.Respond("/slow", Behaviours.Delay(TimeSpan.FromMilliseconds(300)));
        engine.Receiver.Respond("/fast", Behaviours.Status(204));
        var slow = await engine.ListenerAsync("/slow");
        var fast = await engine.ListenerAsync("/fast");

        for (var i = 0; i < 16; i++)
        {
            await engine.PublishAsync();
        }

        await engine.Receiver.WaitForAsync("/fast", 16, TimeSpan.FromSeconds(20));
        await engine.Receiver.WaitForAsync("/slow", 16, TimeSpan.FromSeconds(20));
        Assert.InRange(engine.Receiver.MaxConcurrentTo("/slow"), 1, 4);

        // 16 requests of 300 ms, 4 at a time, take at least 1.2 s; the fast listener's first attempts did not wait
        // behind them (compared by first attempts, so a connection dropped and retried does not blur the order).
        await using var db = await engine.Core.ContextAsync();
        var firstAttempts = await db.DeliveryAttempts.AsNoTracking().Where(a => a.Number == 1)
            .Join(db.Deliveries, a => a.DeliveryId, d => d.Id, (a, d) => new { d.ListenerId, a.StartedAt }).ToListAsync();
        var lastFast = firstAttempts.Where(a => a.ListenerId == fast).Max(a => a.StartedAt);
        var lastSlow = firstAttempts.Where(a => a.ListenerId == slow).Max(a => a.StartedAt);
        Assert.Equal(16, firstAttempts.Count(a => a.ListenerId == fast));
        Assert.True(lastFast < lastSlow.AddMilliseconds(-500), $"the fast listener's last first attempt began at {lastFast:HH:mm:ss.fff}, the slow one's at {lastSlow:HH:mm:ss.fff}");
    }

    [Fact]
    public async Task Dispatcher_WorksThroughABacklogLargerThanAListenerMayHold_WithoutWaitingForThePoll()
    {
        // One request at a time for the listener, so it may hold two; the poll is an hour away. A dispatcher that
        // forgot the listener had more waiting would sit on the rest until then.
        await using var patient = await EngineFixture.StartAsync(("Delivery:PerListenerConcurrency", "1"), ("Delivery:PollSeconds", "3600"));
        patient.Receiver.Respond("/backlog", Behaviours.Delay(TimeSpan.FromMilliseconds(20)));
        await patient.ListenerAsync("/backlog");

        for (var i = 0; i < 30; i++)
        {
            await patient.PublishAsync();
        }

        var received = await patient.Receiver.WaitForAsync("/backlog", 30, TimeSpan.FromSeconds(20));
        Assert.Equal(30, received.Select(r => r.Header("webhook-id")).Distinct().Count());
        Assert.Equal(1, patient.Receiver.MaxConcurrentTo("/backlog"));
    }

    [Fact]
    public async Task Dispatcher_WorksThroughABacklogInRefills_WithoutWaitingForThePoll()
    {
        // Four requests at a time, so the listener may hold eight and is claimed for again once half a round (two)
        // has finished; the poll is an hour away. A dispatcher that waited for a refill that never came would sit
        // on the rest until then.
        await using var patient = await EngineFixture.StartAsync(("Delivery:PerListenerConcurrency", "4"), ("Delivery:PollSeconds", "3600"));
        patient.Receiver.Respond("/refills", Behaviours.Delay(TimeSpan.FromMilliseconds(20)));
        await patient.ListenerAsync("/refills");

        for (var i = 0; i < 60; i++)
        {
            await patient.PublishAsync();
        }

        var received = await patient.Receiver.WaitForAsync("/refills", 60, TimeSpan.FromSeconds(20));
        Assert.Equal(60, received.Select(r => r.Header("webhook-id")).Distinct().Count());
        Assert.InRange(patient.Receiver.MaxConcurrentTo("/refills"), 1, 4);
    }

    [Fact]
    public async Task Dispatcher_SendsAnotherListenersNewEventAtOnce_WhileABusyListenerIsAtItsLimit()
    {
        // The busy listener holds all it may (two in flight, two ready) and its backlog keeps it at that limit; the
        // poll is an hour away. An event for another listener, published while the busy one's first two requests
        // take 1.5 s, must be sent at once, not when the busy listener next comes under its limit.
        await using var patient = await EngineFixture.StartAsync(("Delivery:PerListenerConcurrency", "2"), ("Delivery:PollSeconds", "3600"));
        patient.Receiver.Respond("/busy", Behaviours.Delay(TimeSpan.FromMilliseconds(1_500)));
        patient.Receiver.Respond("/other", Behaviours.Status(204));
        await patient.ListenerAsync("/busy", new MatchFilter("name", FilterOperator.Is, "Busy"));
        await patient.ListenerAsync("/other", new MatchFilter("name", FilterOperator.Is, "Other"));
        for (var i = 0; i < 6; i++)
        {
            await patient.PublishAsync("""{"id":1,"name":"Busy"}""");
        }

        await patient.Receiver.WaitForAsync("/busy", 2, TimeSpan.FromSeconds(10));
        await patient.PublishAsync("""{"id":2,"name":"Other"}""");

        await patient.Receiver.WaitForAsync("/other", 1, TimeSpan.FromSeconds(20));
        var busyStarted = patient.Receiver.RequestsTo("/busy").Count;
        Assert.True(busyStarted == 2, $"the other listener's event waited for the busy listener's next round: {busyStarted} busy requests had begun");
    }

    [Fact]
    public async Task Dispatcher_DisablesTheListenerAndHoldsWhatFollows_WhenTheReceiverAnswers410()
    {
        engine.Receiver.Respond("/gone", Behaviours.Status(410));
        var id = await engine.ListenerAsync("/gone");

        var first = await engine.PublishAsync();
        await engine.WaitForAsync(first.EventId, DeliveryStatus.Failed);
        var listener = await WaitForListenerAsync(id, l => !l.Enabled);
        var later = await engine.PublishAsync();

        Assert.Contains("410 Gone", listener.DisabledReason);
        var held = await engine.DeliveryOfAsync(later.EventId);
        Assert.True(held.Held);
        Assert.Equal(DeliveryStatus.Pending, held.Status);
        Assert.Single(engine.Receiver.RequestsTo("/gone"));
    }

    [Fact]
    public async Task Dispatcher_ReleasesHeldDeliveries_WhenTheListenerIsEnabledAgain()
    {
        var id = await engine.ListenerAsync("/paused");
        await engine.Core.Listeners.SetEnabledAsync(Actor.System, id, false, default);
        var published = await engine.PublishAsync();
        await Task.Delay(300);
        Assert.Empty(engine.Receiver.RequestsTo("/paused"));

        await engine.Core.Listeners.SetEnabledAsync(Actor.System, id, true, default);

        await engine.WaitForAsync(published.EventId, DeliveryStatus.Succeeded);
        Assert.Single(engine.Receiver.RequestsTo("/paused"));
    }

    [Fact]
    public async Task Dispatcher_HoldsTheRetry_WhenTheListenerWasDisabledWhileTheAttemptWasInFlight()
    {
        var (listenerId, delivery) = await FailWhileAsync("/paused", id => engine.Core.Listeners.SetEnabledAsync(Actor.System, id, false, default));

        Assert.Equal(DeliveryStatus.Pending, delivery.Status);
        Assert.True(delivery.Held, "the failed attempt's retry waits for the listener to be enabled again");
        Assert.Equal(1, await engine.Core.Listeners.CountHeldAsync(Actor.System, listenerId, default));
    }

    [Fact]
    public async Task Dispatcher_CancelsTheRetry_WhenTheListenerWasDeletedWhileTheAttemptWasInFlight()
    {
        var (_, delivery) = await FailWhileAsync("/leaving", id => engine.Core.Listeners.DeleteAsync(Actor.System, id, default));

        Assert.Equal(DeliveryStatus.Cancelled, delivery.Status);
        Assert.NotNull(delivery.CompletedAt);
    }

    /// <summary>
    /// A listener whose receiver fails slowly: while its first attempt is in flight, <paramref name="meanwhile"/>
    /// changes the listener. Returns the delivery once the schedule's retry would have been due, after checking
    /// that no second request was sent.
    /// </summary>
    private async Task<(string ListenerId, Delivery Delivery)> FailWhileAsync(string path, Func<string, Task> meanwhile)
    {
        engine.Receiver.Respond(path, Behaviours.Delay(TimeSpan.FromMilliseconds(600), status: 503));
        var listenerId = await engine.ListenerAsync(path);

        var published = await engine.PublishAsync();
        await engine.Receiver.WaitForAsync(path, 1, TimeSpan.FromSeconds(10));
        await meanwhile(listenerId);
        await WaitForAttemptAsync(published.EventId);
        await Task.Delay(1_500); // the schedule's next attempt would be due after 1 s

        Assert.Single(engine.Receiver.RequestsTo(path));
        return (listenerId, await engine.DeliveryOfAsync(published.EventId));
    }

    private async Task<DeliveryAttempt> WaitForAttemptAsync(string eventId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < deadline)
        {
            var delivery = await engine.DeliveryOfAsync(eventId);
            if ((await engine.AttemptsAsync(delivery.Id)).FirstOrDefault() is { } attempt)
            {
                return attempt;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("No attempt was recorded within 15 s.");
    }

    private async Task<Core.Listeners.Listener> WaitForListenerAsync(string id, Func<Core.Listeners.Listener, bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            await using var db = await engine.Core.ContextAsync();
            var listener = await db.Listeners.AsNoTracking().SingleAsync(l => l.Id == id);
            if (condition(listener) || DateTime.UtcNow > deadline)
            {
                return listener;
            }

            await Task.Delay(50);
        }
    }

    public async Task DisposeAsync() => await engine.DisposeAsync();
}
