using Microsoft.EntityFrameworkCore;
using WebhookPortal.Core.Accounts;
using WebhookPortal.Core.Deliveries;
using WebhookPortal.Core.Events;
using WebhookPortal.Core.Observability;
using WebhookPortal.Core.Persistence;

namespace WebhookPortal.Core.Tests.Observability;

/// <summary>
/// The dashboard's figures on a known data set, at 09:00:00: every figure worked out by hand below, for staff
/// and for a customer, who sees only its own listeners'.
/// </summary>
public sealed class DashboardServiceTests : IAsyncLifetime
{
    private CoreFixture core = default!;
    private DateTimeOffset now;
    private int customerA;
    private int customerB;
    private string failingOfA = "", disabledOfA = "", healthy = "", disabledOfNobody = "";

    public async Task InitializeAsync()
    {
        core = await CoreFixture.StartAsync();
        now = core.Clock.GetUtcNow();
        var accounts = core.Get<AccountService>();
        customerA = (await accounts.CreateAsync(Actor.System, new AccountInput("a@shop.example", "Shop A", AccountRole.Customer, "password-of-shop-a"), default)).Value!.Id;
        customerB = (await accounts.CreateAsync(Actor.System, new AccountInput("b@shop.example", "Shop B", AccountRole.Customer, "password-of-shop-b"), default)).Value!.Id;
        failingOfA = await ListenerAsync("https://a.example/failing");
        disabledOfA = await ListenerAsync("https://a.example/disabled");
        healthy = await ListenerAsync("https://staff.example/healthy");
        disabledOfNobody = await ListenerAsync("https://staff.example/disabled");

        await using var db = await core.ContextAsync();
        var listeners = await db.Listeners.ToDictionaryAsync(l => l.Id);
        (listeners[failingOfA].OwnerAccountId, listeners[failingOfA].ConsecutiveFailures, listeners[failingOfA].FailingSince) = (customerA, 3, At(8, 10));
        (listeners[disabledOfA].OwnerAccountId, listeners[disabledOfA].Enabled, listeners[disabledOfA].DisabledAt, listeners[disabledOfA].DisabledReason) =
            (customerA, false, At(8, 45), "Disabled after 100 failed attempts in a row.");
        (listeners[disabledOfNobody].Enabled, listeners[disabledOfNobody].DisabledAt) = (false, At(8, 50));

        Delivery(db, "d1", healthy, DeliveryStatus.Succeeded, 1).Attempt(db, 1, At(8, 58, 10), 100, AttemptErrorKind.None);
        Delivery(db, "d2", healthy, DeliveryStatus.Succeeded, 1).Attempt(db, 1, At(8, 58, 20), 300, AttemptErrorKind.None);
        Delivery(db, "d3", failingOfA, DeliveryStatus.Failed, 2)
            .Attempt(db, 1, At(8, 10), 200, AttemptErrorKind.HttpError)
            .Attempt(db, 2, At(8, 59), 400, AttemptErrorKind.HttpError); // the last try: dead
        Delivery(db, "d4", failingOfA, DeliveryStatus.Pending, 1, next: At(8, 59, 30)) // due 30 s ago
            .Attempt(db, 1, At(8, 59, 5), 2000, AttemptErrorKind.Timeout);
        Delivery(db, "d5", disabledOfA, DeliveryStatus.Pending, 0, held: true);
        Delivery(db, "d6", healthy, DeliveryStatus.Pending, 0, next: At(9, 5)); // a retry, scheduled
        Delivery(db, "d7", healthy, DeliveryStatus.Succeeded, 1).Attempt(db, 1, At(7, 30), 50, AttemptErrorKind.None); // before the hour
        Delivery(db, "d8", healthy, DeliveryStatus.Sending, 1);
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Staff_SeeEveryListenersFigures()
    {
        var figures = await core.Get<DashboardService>().GetAsync(Actor.System, default);

        // d1, d2, both tries of d3 and d4's first: 5 attempts in the hour, 2 succeeded; d7's is older.
        Assert.Equal(5, figures.Attempts);
        Assert.Equal(2, figures.Succeeded);
        Assert.Equal(40, figures.SuccessRate);
        Assert.Equal(300, figures.P50Milliseconds);  // 100 200 [300] 400 2000
        Assert.Equal(2000, figures.P95Milliseconds); // rank ⌈0.95 × 5⌉ = 5

        Assert.Equal(60, figures.PerMinute.Count);
        Assert.Equal(At(8, 1), figures.PerMinute[0].Start);
        Assert.Equal(At(9, 0), figures.PerMinute[^1].Start);
        Assert.Equal(new DashboardMinute(At(8, 10), 0, 1, 0), Minute(figures, 8, 10));
        Assert.Equal(new DashboardMinute(At(8, 58), 2, 0, 0), Minute(figures, 8, 58));
        Assert.Equal(new DashboardMinute(At(8, 59), 0, 1, 1), Minute(figures, 8, 59));
        Assert.Equal(5, figures.PerMinute.Sum(m => m.Succeeded + m.Retried + m.Dead));

        Assert.Equal(new QueueFigures(Due: 1, Scheduled: 1, Sending: 1, Held: 1, TimeSpan.FromSeconds(30)), figures.Queue);

        var failing = Assert.Single(figures.Failing);
        Assert.Equal((failingOfA, 3, At(8, 10)), (failing.ListenerId, failing.ConsecutiveFailures, failing.FailingSince));
        Assert.Equal(CoreFixture.HookName, failing.Hook);
        Assert.Equal(1, figures.FailingCount);
        Assert.Equal([disabledOfNobody, disabledOfA], figures.Disabled.Select(l => l.ListenerId)); // the latest first
        Assert.Equal("Disabled after 100 failed attempts in a row.", figures.Disabled[1].DisabledReason);
        Assert.Equal(2, figures.DisabledCount);
    }

    [Fact]
    public async Task Customer_SeesOnlyItsOwnListenersFigures()
    {
        var figures = await core.Get<DashboardService>().GetAsync(new Actor(customerA, "a@shop.example", AccountRole.Customer), default);

        Assert.Equal(3, figures.Attempts); // d3's two and d4's one
        Assert.Equal(0, figures.SuccessRate);
        Assert.Equal(400, figures.P50Milliseconds);
        Assert.Equal(2000, figures.P95Milliseconds);
        Assert.Equal(new DashboardMinute(At(8, 58), 0, 0, 0), Minute(figures, 8, 58));
        Assert.Equal(new QueueFigures(Due: 1, Scheduled: 0, Sending: 0, Held: 1, TimeSpan.FromSeconds(30)), figures.Queue);
        Assert.Equal([failingOfA], figures.Failing.Select(l => l.ListenerId));
        Assert.Equal([disabledOfA], figures.Disabled.Select(l => l.ListenerId));
        Assert.Equal(1, figures.DisabledCount);
    }

    [Fact]
    public async Task CustomerWithoutListeners_SeesNothing_AndNoRateOrLatency()
    {
        var figures = await core.Get<DashboardService>().GetAsync(new Actor(customerB, "b@shop.example", AccountRole.Customer), default);

        Assert.Equal(0, figures.Attempts);
        Assert.Null(figures.SuccessRate);
        Assert.Null(figures.P50Milliseconds);
        Assert.Equal(QueueFigures.Empty, figures.Queue);
        Assert.Empty(figures.Failing);
        Assert.Equal(0, figures.DisabledCount);
        Assert.All(figures.PerMinute, m => Assert.Equal(0, m.Succeeded + m.Retried + m.Dead));

        // Someone not signed in is a customer of no account: nothing either.
        Assert.Equal(0, (await core.Get<DashboardService>().GetAsync(Actor.Anonymous, default)).Queue.Held);
    }

    public async Task DisposeAsync() => await core.DisposeAsync();

    private DateTimeOffset At(int hour, int minute, int second = 0) =>
        new DateTimeOffset(now.Year, now.Month, now.Day, hour, minute, second, TimeSpan.Zero);

    private static DashboardMinute Minute(DashboardFigures figures, int hour, int minute) =>
        figures.PerMinute.Single(m => m.Start.Hour == hour && m.Start.Minute == minute);

    private async Task<string> ListenerAsync(string url) =>
        (await core.Listeners.CreateAsync(Actor.System, CoreFixture.Input(url: url), default)).Value!.Listener.Id;

    private DeliveryRows Delivery(PortalDbContext db, string id, string listenerId, DeliveryStatus status, int attempts,
        DateTimeOffset? next = null, bool held = false)
    {
        var hookId = db.Hooks.Single(h => h.Name == CoreFixture.HookName).Id;
        db.Events.Add(new Event { Id = "evt_" + id, HookId = hookId, Payload = "{}", CreatedAt = At(8, 0), DeliveryCount = 1 });
        db.Deliveries.Add(new Delivery
        {
            Id = id, EventId = "evt_" + id, ListenerId = listenerId, Status = status, AttemptCount = attempts, Held = held,
            NextAttemptAt = next ?? At(8, 0), CreatedAt = At(8, 0),
            LeaseExpiresAt = status == DeliveryStatus.Sending ? At(9, 1) : null,
        });
        return new DeliveryRows(id);
    }

    private sealed record DeliveryRows(string Id)
    {
        public DeliveryRows Attempt(PortalDbContext db, int number, DateTimeOffset at, int milliseconds, AttemptErrorKind kind)
        {
            db.DeliveryAttempts.Add(new DeliveryAttempt
            {
                DeliveryId = Id, Number = number, StartedAt = at, DurationMilliseconds = milliseconds, ErrorKind = kind,
                RequestUrl = "https://example.com", ResponseStatus = kind == AttemptErrorKind.None ? 200 : kind == AttemptErrorKind.HttpError ? 500 : null,
            });
            return this;
        }
    }
}
