using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using WebhookPortal.Core.Accounts;
using WebhookPortal.Core.Audit;
using WebhookPortal.Core.Deliveries;
using WebhookPortal.Core.Events;
using WebhookPortal.Core.Retention;
using WebhookPortal.TestSupport;

namespace WebhookPortal.Core.Tests.Retention;

/// <summary>
/// History past <c>Retention:Days</c> goes, batch by batch; what is still to be sent, what is recent and the
/// audit trail stay.
/// </summary>
public sealed class RetentionJobTests : IAsyncLifetime
{
    private CoreFixture fixture = default!;
    private string listener = "";

    public async Task InitializeAsync()
    {
        // The smallest batch, 10, makes every delete loop below run more than once.
        fixture = await CoreFixture.StartAsync(AheadOfEveryOtherTest(), ("Retention:Days", "30"), ("Retention:BatchSize", "10"));
        listener = (await fixture.Listeners.CreateAsync(Actor.System, CoreFixture.Input(), default)).Value!.Listener.Id;
    }

    [Fact]
    public async Task OldFinishedHistoryIsDeleted_InBatches_WhileWaitingRecentAndAuditRowsStay()
    {
        var oldFinished = new List<string>();
        for (var i = 0; i < 12; i++)
        {
            oldFinished.Add(await PublishWithAttemptsAsync(DeliveryStatus.Succeeded, attempts: 2));
        }

        var oldFailed = await PublishWithAttemptsAsync(DeliveryStatus.Failed, attempts: 3);
        var oldWaiting = await PublishWithAttemptsAsync(DeliveryStatus.Pending, attempts: 1);
        var oldHeld = await PublishWithAttemptsAsync(DeliveryStatus.Pending, attempts: 0, held: true);

        fixture.Clock.Advance(TimeSpan.FromDays(29));
        var recent = await PublishWithAttemptsAsync(DeliveryStatus.Succeeded, attempts: 1);
        fixture.Clock.Advance(TimeSpan.FromDays(2)); // the first events are now 31 days old, the recent one 2 days
        var auditRows = await AuditCountAsync();

        var result = await fixture.Get<RetentionJob>().RunOnceAsync(default);

        // Attempts: 12 × 2 + 3 + 1 old ones; events: the 12 succeeded and the failed one, with their deliveries.
        Assert.Equal(new RetentionResult(28, 13, 13), result);
        await using var db = await fixture.ContextAsync();
        var events = await db.Events.Select(e => e.Id).ToListAsync();
        Assert.Equal(new[] { oldWaiting, oldHeld, recent }.Order(), events.Order());
        Assert.Empty(await db.Deliveries.Where(d => oldFinished.Contains(d.EventId) || d.EventId == oldFailed).ToListAsync());
        Assert.Equal(3, await db.Deliveries.CountAsync());
        var attempts = await db.DeliveryAttempts.Include(a => a.Delivery).ToListAsync();
        Assert.Equal(recent, Assert.Single(attempts).Delivery.EventId);
        Assert.Equal(auditRows, await AuditCountAsync());
    }

    [Fact]
    public async Task RunningAgain_FindsNothingMore()
    {
        await PublishWithAttemptsAsync(DeliveryStatus.Succeeded, attempts: 3);
        fixture.Clock.Advance(TimeSpan.FromDays(31));

        Assert.Equal(new RetentionResult(3, 1, 1), await fixture.Get<RetentionJob>().RunOnceAsync(default));
        Assert.Equal(new RetentionResult(0, 0, 0), await fixture.Get<RetentionJob>().RunOnceAsync(default));
    }

    [Fact]
    public async Task ZeroDays_KeepsEverythingForever()
    {
        await using var keeping = await CoreFixture.StartAsync(AheadOfEveryOtherTest(), ("Retention:Days", "0"));
        var id = (await keeping.Listeners.CreateAsync(Actor.System, CoreFixture.Input(), default)).Value!.Listener.Id;
        await PublishWithAttemptsAsync(keeping, id, DeliveryStatus.Succeeded, attempts: 2);
        keeping.Clock.Advance(TimeSpan.FromDays(3650));

        Assert.Equal(new RetentionResult(0, 0, 0), await keeping.Get<RetentionJob>().RunOnceAsync(default));
        await using var db = await keeping.ContextAsync();
        Assert.Equal((1, 2), (await db.Events.CountAsync(), await db.DeliveryAttempts.CountAsync()));
    }

    private static int fixtures;

    // Event ids never go back within a process (SortableId): after another test's clock ran ahead, ids made on
    // an earlier clock would carry that later time and look recent. Each fixture here starts a decade after the
    // previous one, ahead of every other test's clock, so its ids carry its own time.
    private static ManualClock AheadOfEveryOtherTest() =>
        new(new DateTimeOffset(2040, 1, 1, 9, 0, 0, TimeSpan.Zero).AddYears(10 * Interlocked.Increment(ref fixtures)));

    private Task<string> PublishWithAttemptsAsync(DeliveryStatus status, int attempts, bool held = false) =>
        PublishWithAttemptsAsync(fixture, listener, status, attempts, held);

    // Publishes one event to the listener, then writes the attempts and the outcome the engine would have
    // (or, held, what disabling the listener does to it).
    private static async Task<string> PublishWithAttemptsAsync(
        CoreFixture fixture, string listener, DeliveryStatus status, int attempts, bool held = false)
    {
        var published = await fixture.PublishAsync();
        await using var db = await fixture.ContextAsync();
        var delivery = await db.Deliveries.SingleAsync(d => d.EventId == published.EventId && d.ListenerId == listener);
        for (var number = 1; number <= attempts; number++)
        {
            db.DeliveryAttempts.Add(new DeliveryAttempt
            {
                DeliveryId = delivery.Id,
                Number = number,
                StartedAt = fixture.Clock.GetUtcNow(),
                DurationMilliseconds = 10,
                RequestUrl = "https://example.com/hook",
                ResponseStatus = number == attempts && status == DeliveryStatus.Succeeded ? 200 : 500,
            });
        }

        delivery.Status = status;
        delivery.Held = held;
        delivery.AttemptCount = attempts;
        delivery.CompletedAt = status is DeliveryStatus.Succeeded or DeliveryStatus.Failed ? fixture.Clock.GetUtcNow() : null;
        await db.SaveChangesAsync();
        return published.EventId;
    }

    private async Task<int> AuditCountAsync()
    {
        await using var db = await fixture.ContextAsync();
        return await db.Set<AuditEntry>().CountAsync();
    }

    public async Task DisposeAsync() => await fixture.DisposeAsync();
}
