using WebhookPortal.Core.Accounts;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using WebhookPortal.Core.Deliveries;
using WebhookPortal.Core.Events;

namespace WebhookPortal.Core.Tests.Listeners;

/// <summary>A listener's state decides what happens to its pending deliveries: held, released or cancelled.</summary>
public sealed class ListenerDeliveriesTests : IAsyncLifetime
{
    private CoreFixture fixture = default!;
    private string listener = "";

    public async Task InitializeAsync()
    {
        fixture = await CoreFixture.StartAsync();
        listener = (await fixture.Listeners.CreateAsync(Actor.System, CoreFixture.Input(), default)).Value!.Listener.Id;
        await PublishAsync();
        await PublishAsync();
    }

    [Fact]
    public async Task Disabling_HoldsThePendingDeliveries_AndEnabling_ReleasesAndWakesTheDispatcher()
    {
        var signal = fixture.Get<DeliverySignal>();
        await signal.WaitAsync(TimeSpan.Zero, default); // take the publishes' wake-up

        await fixture.Listeners.SetEnabledAsync(Actor.System, listener, false, default);
        await PublishAsync();
        Assert.Equal(3, await fixture.Listeners.CountHeldAsync(Actor.System, listener, default));
        Assert.All(await DeliveriesAsync(), d => Assert.True(d.Held));

        await fixture.Listeners.SetEnabledAsync(Actor.System, listener, true, default);

        Assert.Equal(0, await fixture.Listeners.CountHeldAsync(Actor.System, listener, default));
        Assert.All(await DeliveriesAsync(), d => Assert.Equal((DeliveryStatus.Pending, false), (d.Status, d.Held)));
        Assert.True(await signal.WaitAsync(TimeSpan.FromSeconds(5), default));
    }

    [Fact]
    public async Task Deleting_CancelsWhatWasStillToBeSent_ButKeepsTheHistory()
    {
        await fixture.Listeners.DeleteAsync(Actor.System, listener, default);

        Assert.All(await DeliveriesAsync(), d =>
        {
            Assert.Equal(DeliveryStatus.Cancelled, d.Status);
            Assert.Equal(fixture.Clock.GetUtcNow(), d.CompletedAt);
        });
        Assert.Null(await fixture.Listeners.FindAsync(Actor.System, listener, default));
        var history = await fixture.Get<EventService>().FindAsync((await DeliveriesAsync())[0].EventId, default);
        var delivery = Assert.Single(history!.Deliveries);
        Assert.True(delivery.ListenerDeleted);
        Assert.Equal("https://example.com/hook", delivery.ListenerUrl);
        Assert.Equal(0, (await PublishAsync()).Deliveries);
    }

    private Task<PublishedEvent> PublishAsync() => fixture.PublishAsync();

    private async Task<List<Delivery>> DeliveriesAsync()
    {
        await using var db = await fixture.ContextAsync();
        return await db.Deliveries.AsNoTracking().ToListAsync();
    }

    public async Task DisposeAsync() => await fixture.DisposeAsync();
}
