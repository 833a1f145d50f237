using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using WebhookPortal.Core.Accounts;
using WebhookPortal.Core.Deliveries;
using WebhookPortal.Core.Events;
using WebhookPortal.Core.Listeners;

namespace WebhookPortal.Core.Tests.Listeners;

/// <summary>
/// A listener's success rate, latency percentiles and chart buckets come out right on a known set of attempts,
/// count only that listener's attempts in the window, and are shown only to those who may see the listener.
/// </summary>
public sealed class ListenerStatsTests : IAsyncLifetime
{
    private CoreFixture fixture = default!;
    private string listener = "";
    private string other = "";
    private Actor owner = default!;

    public async Task InitializeAsync()
    {
        fixture = await CoreFixture.StartAsync(); // the clock stands at 2026-11-01 09:00 UTC
        var accounts = fixture.Get<AccountService>();
        var account = (await accounts.CreateAsync(Actor.System,
            new AccountInput("owner@example.com", "Owner", AccountRole.Customer, "a long enough password"), default)).Value!;
        owner = AccountService.ActorOf(account);
        listener = (await fixture.Listeners.CreateAsync(Actor.System,
            CoreFixture.Input() with { OwnerAccountId = account.Id }, default)).Value!.Listener.Id;
        other = (await fixture.Listeners.CreateAsync(Actor.System, CoreFixture.Input("https://example.com/other"), default)).Value!.Listener.Id;

        var now = fixture.Clock.GetUtcNow();
        // The last day: two at 08:50 (hour bucket 22 of 24), two at 04:00 (bucket 18).
        await AttemptAsync(listener, now.AddMinutes(-10), 100, 200);
        await AttemptAsync(listener, now.AddMinutes(-10), 200, 200);
        await AttemptAsync(listener, now.AddHours(-5), 300, 500);
        await AttemptAsync(listener, now.AddHours(-5), 400, 200);
        // Three days ago: a slow success and a time-out without a response.
        await AttemptAsync(listener, now.AddDays(-3), 1000, 200);
        await AttemptAsync(listener, now.AddDays(-3), 50, null);
        // Outside the week, and another listener's attempt inside it: neither counts.
        await AttemptAsync(listener, now.AddDays(-8), 5000, 500);
        await AttemptAsync(other, now.AddMinutes(-10), 9000, 500);
    }

    [Fact]
    public async Task TheLastDayAndWeek_CountTheListenersAttemptsInTheWindow_WithNearestRankPercentiles()
    {
        var stats = (await fixture.Get<ListenerStatsService>().GetAsync(Actor.System, listener, default))!;

        Assert.Equal(new ListenerPeriodStats(4, 3, 200, 400), stats.LastDay);
        Assert.Equal(75.0, stats.LastDay.SuccessRate);
        // Durations 50, 100, 200, 300, 400, 1000: the 3rd is the median, the 6th the 95th percentile.
        Assert.Equal(new ListenerPeriodStats(6, 4, 200, 1000), stats.LastWeek);
    }

    [Fact]
    public async Task TheChartBuckets_AreWholeHoursAndDays_OldestFirst_EmptyOnesIncluded()
    {
        var stats = (await fixture.Get<ListenerStatsService>().GetAsync(Actor.System, listener, default))!;

        Assert.Equal(24, stats.Hourly.Count);
        Assert.Equal(new DateTimeOffset(2026, 10, 31, 10, 0, 0, TimeSpan.Zero), stats.Hourly[0].Start);
        Assert.Equal(new ListenerStatsBucket(new DateTimeOffset(2026, 11, 1, 4, 0, 0, TimeSpan.Zero), 1, 1, 350), stats.Hourly[18]);
        Assert.Equal(new ListenerStatsBucket(new DateTimeOffset(2026, 11, 1, 8, 0, 0, TimeSpan.Zero), 2, 0, 150), stats.Hourly[22]);
        Assert.Equal(4, stats.Hourly.Sum(b => b.Succeeded + b.Failed));

        Assert.Equal(7, stats.Daily.Count);
        Assert.Equal(new ListenerStatsBucket(new DateTimeOffset(2026, 10, 29, 0, 0, 0, TimeSpan.Zero), 1, 1, 525), stats.Daily[3]);
        Assert.Equal(new ListenerStatsBucket(new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero), 3, 1, 250), stats.Daily[6]);
        Assert.Equal(new ListenerStatsBucket(new DateTimeOffset(2026, 10, 26, 0, 0, 0, TimeSpan.Zero), 0, 0, null), stats.Daily[0]);
    }

    [Fact]
    public async Task WaitingAndHeld_CountWhatIsStillToBeSent_Separately()
    {
        var before = (await fixture.Get<ListenerStatsService>().GetAsync(Actor.System, listener, default))!;
        Assert.Equal((0, 0), (before.Waiting, before.Held));

        await PublishAsync();
        await PublishAsync();
        await fixture.Listeners.SetEnabledAsync(Actor.System, listener, false, default);
        await PublishAsync();

        var stats = (await fixture.Get<ListenerStatsService>().GetAsync(Actor.System, listener, default))!;
        Assert.Equal((0, 3), (stats.Waiting, stats.Held));
        await fixture.Listeners.SetEnabledAsync(Actor.System, listener, true, default);
        stats = (await fixture.Get<ListenerStatsService>().GetAsync(Actor.System, listener, default))!;
        Assert.Equal((3, 0), (stats.Waiting, stats.Held));
    }

    [Fact]
    public async Task TheOwnerAndStaffSeeTheFigures_AnotherCustomerAndUnknownListenersGetNothing()
    {
        var service = fixture.Get<ListenerStatsService>();

        Assert.Equal(4, (await service.GetAsync(owner, listener, default))!.LastDay.Attempts);
        Assert.NotNull(await service.GetAsync(new Actor(null, "support", AccountRole.Support), listener, default));
        Assert.Null(await service.GetAsync(new Actor(owner.AccountId + 1, "stranger", AccountRole.Customer), listener, default));
        Assert.Null(await service.GetAsync(owner, other, default));
        Assert.Null(await service.GetAsync(Actor.System, "lst_missing", default));
    }

    private async Task<string> PublishAsync() => (await fixture.PublishAsync()).EventId;

    // One event, and on the given listener's delivery a finished attempt as the engine records it.
    private async Task AttemptAsync(string listenerId, DateTimeOffset startedAt, int milliseconds, int? status)
    {
        var eventId = await PublishAsync();
        await using var db = await fixture.ContextAsync();
        var delivery = await db.Deliveries.SingleAsync(d => d.EventId == eventId && d.ListenerId == listenerId);
        db.DeliveryAttempts.Add(new DeliveryAttempt
        {
            DeliveryId = delivery.Id,
            Number = 1,
            StartedAt = startedAt,
            DurationMilliseconds = milliseconds,
            RequestUrl = "https://example.com/hook",
            ResponseStatus = status,
            ErrorKind = status is null ? AttemptErrorKind.Timeout : AttemptErrorKind.None,
        });
        delivery.AttemptCount = 1;
        // The event's delivery to the other listener is finished too, so nothing waits but what a test publishes.
        foreach (var finished in await db.Deliveries.Where(d => d.EventId == eventId).ToListAsync())
        {
            finished.Status = status is >= 200 and < 300 ? DeliveryStatus.Succeeded : DeliveryStatus.Failed;
        }

        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await fixture.DisposeAsync();
}
