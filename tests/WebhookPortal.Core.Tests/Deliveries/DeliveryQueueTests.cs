using WebhookPortal.Core.Accounts;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using WebhookPortal.Core.Deliveries;
using WebhookPortal.Core.Events;
using WebhookPortal.Core.Filters;

namespace WebhookPortal.Core.Tests.Deliveries;

/// <summary>The claim on the deliveries table, on the manual clock with the dispatcher off.</summary>
public sealed class DeliveryQueueTests : IAsyncLifetime
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(60);
    private CoreFixture core = default!;

    public async Task InitializeAsync() => core = await CoreFixture.StartAsync();

    [Fact]
    public async Task Claim_TakesDueDeliveriesOldestFirst_AndMarksThemSendingUnderALease()
    {
        var listener = await ListenerAsync("a");
        var first = await PublishAsync(1);
        core.Clock.Advance(TimeSpan.FromSeconds(1));
        var second = await PublishAsync(2);

        var batch = await ClaimAsync(max: 10);

        Assert.Equal([first, second], batch.Claims.OrderBy(c => c.Id).Select(c => c.EventId));
        Assert.All(batch.Claims, c => Assert.Equal((listener, 1), (c.ListenerId, c.AttemptNumber)));
        Assert.False(batch.MoreDue);
        await using var db = await core.ContextAsync();
        Assert.All(await db.Deliveries.AsNoTracking().ToListAsync(), d =>
            Assert.Equal((DeliveryStatus.Sending, core.Clock.GetUtcNow() + Lease), (d.Status, d.LeaseExpiresAt!.Value)));
        Assert.Empty((await ClaimAsync(max: 10)).Claims);
    }

    [Fact]
    public async Task Claim_StopsAtTheMaximum_AndSaysMoreIsDue()
    {
        await ListenerAsync("a");
        for (var i = 0; i < 5; i++)
        {
            await PublishAsync(i);
        }

        var batch = await ClaimAsync(max: 3);

        Assert.Equal(3, batch.Claims.Count);
        Assert.True(batch.MoreDue);
        Assert.Equal(2, (await ClaimAsync(max: 3)).Claims.Count);
    }

    [Fact]
    public async Task Claim_KeepsToThePerListenerLimit_CountingWhatTheNodeHoldsAlready()
    {
        var a = await ListenerAsync("a");
        for (var i = 0; i < 6; i++)
        {
            await PublishAsync(i);
        }

        var batch = await ClaimAsync(max: 10, perListener: 4, held: new Dictionary<string, int> { [a] = 1 });

        Assert.Equal(3, batch.Claims.Count);
        Assert.Equal(3, (await ClaimAsync(max: 10, perListener: 4)).Claims.Count);
    }

    [Fact]
    public async Task Claim_ReachesOtherListeners_BehindALongBacklogOfABusyOne()
    {
        // Listener a has 60 deliveries due first; b has one, due last. With a at its limit, the claim
        // must still find b's, though it lies far beyond the window it reads in due order.
        var a = await ListenerAsync("a", name: "Ann");
        var b = await ListenerAsync("b", name: "Bob");
        for (var i = 0; i < 60; i++)
        {
            await PublishAsync(i, "Ann");
        }

        core.Clock.Advance(TimeSpan.FromSeconds(1));
        var late = await PublishAsync(99, "Bob");

        var batch = await ClaimAsync(max: 4, perListener: 2, held: new Dictionary<string, int> { [a] = 2 });

        var claim = Assert.Single(batch.Claims);
        Assert.Equal((b, late), (claim.ListenerId, claim.EventId));
    }

    [Fact]
    public async Task Claim_TakesAnExpiredLeaseAgain_WithTheNextAttemptNumber()
    {
        await ListenerAsync("a");
        var published = await PublishAsync(1);
        var first = Assert.Single((await ClaimAsync(max: 10)).Claims);

        Assert.Empty((await ClaimAsync(max: 10)).Claims);
        core.Clock.Advance(Lease + TimeSpan.FromSeconds(1));
        var again = Assert.Single((await ClaimAsync(max: 10)).Claims);

        Assert.Equal((first.Id, published, 2), (again.Id, again.EventId, again.AttemptNumber));
    }

    [Fact]
    public async Task Claim_OfNothingDue_SaysWhenTheNextDeliveryFallsDue()
    {
        await ListenerAsync("a");
        var published = await PublishAsync(1);
        Assert.Single((await ClaimAsync(max: 10)).Claims);
        await using (var db = await core.ContextAsync())
        {
            // As if it had failed and been rescheduled.
            await db.Database.ExecuteSqlInterpolatedAsync(
                $"UPDATE deliveries SET status = 'Pending', lease_expires_at = NULL, next_attempt_at = {core.Clock.GetUtcNow().AddMinutes(5).ToUnixTimeMilliseconds()} WHERE event_id = {published}");
        }

        var batch = await ClaimAsync(max: 10);

        Assert.Empty(batch.Claims);
        Assert.False(batch.MoreDue);
        Assert.Equal(core.Clock.GetUtcNow().AddMinutes(5), batch.NextDueAt);
    }

    [Fact]
    public async Task Release_GivesAClaimBack_AsIfItsAttemptHadNotStarted()
    {
        await ListenerAsync("a");
        await PublishAsync(1);
        var claim = Assert.Single((await ClaimAsync(max: 10)).Claims);

        await core.Get<DeliveryQueue>().ReleaseAsync([claim], core.Clock.GetUtcNow(), default);

        var again = Assert.Single((await ClaimAsync(max: 10)).Claims);
        Assert.Equal((claim.Id, 1), (again.Id, again.AttemptNumber));
    }

    private Task<ClaimBatch> ClaimAsync(int max, int perListener = 100, Dictionary<string, int>? held = null) =>
        core.Get<DeliveryQueue>().ClaimAsync(max, perListener, held ?? [], core.Clock.GetUtcNow(), Lease, default);

    private async Task<string> ListenerAsync(string path, string? name = null) =>
        (await core.Listeners.CreateAsync(Actor.System, CoreFixture.Input(
            url: $"https://example.com/{path}",
            filters: name is null ? null : [new MatchFilter("name", FilterOperator.Is, name)]), default)).Value!.Listener.Id;

    private async Task<string> PublishAsync(int id, string name = "Jane") =>
        (await core.Get<EventPublisher>().PublishAsync(new PublishRequest(CoreFixture.HookName,
            JsonDocument.Parse($$"""{"id":{{id}},"name":"{{name}}"}""").RootElement, EventOrigin.Api), default)).Value!.EventId;

    public async Task DisposeAsync() => await core.DisposeAsync();
}
