using WebhookPortal.Core.Accounts;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using WebhookPortal.Core.Common;
using WebhookPortal.Core.Deliveries;
using WebhookPortal.Core.Events;
using WebhookPortal.Core.Filters;
using WebhookPortal.Core.Listeners;

namespace WebhookPortal.Core.Tests.Events;

public sealed class EventPublisherTests : IAsyncLifetime
{
    private CoreFixture fixture = default!;

    private EventPublisher Publisher => fixture.Get<EventPublisher>();

    public async Task InitializeAsync() => fixture = await CoreFixture.StartAsync();

    [Fact]
    public async Task Publish_StoresTheEventWithOneDeliveryPerMatchingListener()
    {
        var jane = await ListenerAsync("https://jane.example/", new MatchFilter("name", FilterOperator.StartsWith, "J"));
        var bob = await ListenerAsync("https://bob.example/", new MatchFilter("name", FilterOperator.StartsWith, "B"));
        var everyone = await ListenerAsync("https://all.example/");

        var published = await PublishAsync("""{"id":1,"name":"Jane"}""");

        Assert.False(published.Repeated);
        Assert.Equal(2, published.Deliveries);
        var deliveries = await DeliveriesAsync(published.EventId);
        Assert.Equal(new[] { jane, everyone }.Order(), deliveries.Select(d => d.ListenerId).Order());
        Assert.All(deliveries, d =>
        {
            Assert.Equal(DeliveryStatus.Pending, d.Status);
            Assert.False(d.Held);
            Assert.Equal(fixture.Clock.GetUtcNow(), d.NextAttemptAt);
            Assert.True(SortableId.HasShape(d.Id, Delivery.IdPrefix));
        });
        Assert.DoesNotContain(bob, deliveries.Select(d => d.ListenerId));
    }

    [Fact]
    public async Task Publish_KeepsOnlyTheProvidedFields()
    {
        var published = await PublishAsync("""{"id":1,"name":"Jane","password":"hunter2","customer":{"email":"j@x.io","secret":"s"}}""");

        await using var db = await fixture.ContextAsync();
        var stored = await db.Events.SingleAsync(e => e.Id == published.EventId);
        Assert.Equal("""{"id":1,"name":"Jane","customer":{"email":"j@x.io"}}""", stored.Payload);
        Assert.Equal(EventOrigin.Api, stored.Origin);
    }

    [Fact]
    public async Task Publish_HoldsTheDelivery_WhenTheListenerIsDisabled_AndLeavesOutDeletedListeners()
    {
        var disabled = await ListenerAsync("https://off.example/");
        await fixture.Listeners.SetEnabledAsync(Actor.System, disabled, false, default);
        var deleted = await ListenerAsync("https://gone.example/");
        await fixture.Listeners.DeleteAsync(Actor.System, deleted, default);

        var published = await PublishAsync("""{"id":1}""");

        var delivery = Assert.Single(await DeliveriesAsync(published.EventId));
        Assert.Equal(disabled, delivery.ListenerId);
        Assert.True(delivery.Held);
        Assert.Equal(1, await fixture.Listeners.CountHeldAsync(Actor.System, disabled, default));
    }

    [Fact]
    public async Task Publish_SeesListenerChanges_FromThePreviousPublishOn()
    {
        var id = await ListenerAsync("https://a.example/", new MatchFilter("name", FilterOperator.Is, "Jane"));
        Assert.Equal(1, (await PublishAsync("""{"name":"Jane"}""")).Deliveries);

        await fixture.Listeners.UpdateAsync(Actor.System, id, CoreFixture.Input(url: "https://a.example/",
            filters: [new MatchFilter("name", FilterOperator.Is, "Bob")]), default);

        Assert.Equal(0, (await PublishAsync("""{"name":"Jane"}""")).Deliveries);
        Assert.Equal(1, (await PublishAsync("""{"name":"Bob"}""")).Deliveries);
    }

    [Fact]
    public async Task Publish_ReturnsTheFirstEvent_WhenTheIdempotencyKeyRepeatsWithinTheWindow()
    {
        await ListenerAsync("https://a.example/");
        var first = await PublishAsync("""{"id":1}""", key: "order-1");
        fixture.Clock.Advance(TimeSpan.FromHours(23));

        var again = await PublishAsync("""{"id":2}""", key: "order-1");

        Assert.True(again.Repeated);
        Assert.Equal(first.EventId, again.EventId);
        Assert.Equal(first.Deliveries, again.Deliveries);
        Assert.Equal((1, 1), await CountsAsync());
    }

    [Fact]
    public async Task Publish_StoresANewEvent_WhenTheKeyIsOlderThanTheWindow()
    {
        var first = await PublishAsync("""{"id":1}""", key: "order-1");
        fixture.Clock.Advance(TimeSpan.FromHours(24) + TimeSpan.FromSeconds(1));

        var later = await PublishAsync("""{"id":1}""", key: "order-1");

        Assert.False(later.Repeated);
        Assert.NotEqual(first.EventId, later.EventId);
        await using var db = await fixture.ContextAsync();
        Assert.Null((await db.Events.SingleAsync(e => e.Id == first.EventId)).IdempotencyKey);
    }

    [Fact]
    public async Task Publish_StoresOneEvent_WhenTheSameKeyArrivesManyTimesAtOnce()
    {
        await ListenerAsync("https://a.example/");

        var results = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => Task.Run(() => PublishAsync("""{"id":1}""", key: "burst"))));

        Assert.Single(results.Select(r => r.EventId).Distinct());
        Assert.Single(results, r => !r.Repeated);
        Assert.Equal((1, 1), await CountsAsync());
    }

    [Fact]
    public async Task Publish_StoresEveryEvent_WhenManyArriveTogetherAndAreCommittedInBatches()
    {
        await ListenerAsync("https://a.example/");
        await ListenerAsync("https://b.example/");

        var results = await Task.WhenAll(Enumerable.Range(0, 300).Select(i => Task.Run(() => PublishAsync($"{{\"id\":{i}}}"))));

        Assert.Equal(300, results.Select(r => r.EventId).Distinct().Count());
        Assert.All(results, r => Assert.Equal(2, r.Deliveries));
        Assert.Equal((300, 600), await CountsAsync());
    }

    [Fact]
    public async Task Publish_KeysBelongToOneHook()
    {
        await using (var db = await fixture.ContextAsync())
        {
            db.Hooks.Add(new Core.Hooks.Hook { Name = "other.thing", ProvidedFields = ["id"] });
            await db.SaveChangesAsync();
        }

        var first = await PublishAsync("""{"id":1}""", key: "shared");
        var other = await Publisher.PublishAsync(new PublishRequest("other.thing", Json("""{"id":1}"""), EventOrigin.Api, IdempotencyKey: "shared"), default);

        Assert.False(other.Value!.Repeated);
        Assert.NotEqual(first.EventId, other.Value.EventId);
    }

    [Theory]
    [InlineData("no.such.hook", """{"id":1}""", null, ServiceErrorKind.NotFound)]
    [InlineData(CoreFixture.HookName, "[1,2]", null, ServiceErrorKind.Invalid)]
    [InlineData(CoreFixture.HookName, "\"text\"", null, ServiceErrorKind.Invalid)]
    [InlineData(CoreFixture.HookName, """{"amount":1e400}""", null, ServiceErrorKind.Invalid)]
    [InlineData(CoreFixture.HookName, """{"id":1}""", "has spaces", ServiceErrorKind.Invalid)]
    public async Task Publish_StoresNothing_WhenRefused(string hook, string payload, string? key, ServiceErrorKind expected)
    {
        await ListenerAsync("https://a.example/");

        var result = await Publisher.PublishAsync(new PublishRequest(hook, Json(payload), EventOrigin.Api, IdempotencyKey: key), default);

        Assert.Equal(expected, result.Error?.Kind);
        Assert.Equal((0, 0), await CountsAsync());
    }

    [Fact]
    public async Task Publish_RefusesAStringOverTheLimit_NamingWhereItIs()
    {
        var result = await Publisher.PublishAsync(new PublishRequest(CoreFixture.HookName,
            Json($$"""{"tags":["ok","{{new string('x', 100_000)}}"]}"""), EventOrigin.Api), default);

        Assert.Contains("$.tags[1] is a string of 100,000 characters", result.Error!.Fields!["payload"][0]);
    }

    [Fact]
    public async Task Publish_RefusesInvalidUtf8InAString_InsteadOfFailing()
    {
        var result = await Publisher.PublishAsync(new PublishRequest(CoreFixture.HookName,
            JsonDocument.Parse(new byte[] { (byte)'{', (byte)'"', (byte)'n', (byte)'"', (byte)':', (byte)'"', 0xC3, 0x28, (byte)'"', (byte)'}' }).RootElement,
            EventOrigin.Api), default);

        Assert.Contains("$.n is not valid UTF-8", result.Error!.Fields!["payload"][0]);
        Assert.Equal((0, 0), await CountsAsync());
    }

    [Fact]
    public async Task Publish_ToOneListener_DeliversThereWhateverItsFilters()
    {
        var picky = await ListenerAsync("https://picky.example/", new MatchFilter("name", FilterOperator.Is, "Nobody"));
        await ListenerAsync("https://all.example/");

        var result = await Publisher.PublishAsync(new PublishRequest(CoreFixture.HookName, Json("""{"name":"Jane"}"""),
            EventOrigin.Test, "test from the portal", OnlyListenerId: picky), default);

        Assert.Equal(picky, Assert.Single(await DeliveriesAsync(result.Value!.EventId)).ListenerId);
        var stranger = await Publisher.PublishAsync(new PublishRequest(CoreFixture.HookName, Json("{}"), EventOrigin.Test,
            OnlyListenerId: "lst_01m7yxt56j0mdtj1fyr528s3en"), default);
        Assert.Equal(ServiceErrorKind.NotFound, stranger.Error?.Kind);
    }

    [Fact]
    public async Task Publish_WakesTheDispatcher_WhenItStoredDeliveries()
    {
        var signal = fixture.Get<DeliverySignal>();
        await PublishAsync("""{"id":1}"""); // no listener: nothing to wake for
        Assert.False(await signal.WaitAsync(TimeSpan.FromMilliseconds(50), default));

        await ListenerAsync("https://a.example/");
        await PublishAsync("""{"id":2}""");

        Assert.True(await signal.WaitAsync(TimeSpan.FromSeconds(5), default));
    }

    [Fact]
    public async Task Publish_FansOutToAThousandListeners_InOneTransaction()
    {
        for (var i = 0; i < 1_000; i++)
        {
            await ListenerAsync($"https://l{i}.example/");
        }

        var published = await PublishAsync("""{"id":1}""");

        Assert.Equal(1_000, published.Deliveries);
        Assert.Equal(1_000, (await DeliveriesAsync(published.EventId)).Count);
    }

    private async Task<string> ListenerAsync(string url, params MatchFilter[] filters) =>
        (await fixture.Listeners.CreateAsync(Actor.System, CoreFixture.Input(url: url, filters: filters), default)).Value!.Listener.Id;

    private async Task<PublishedEvent> PublishAsync(string payload, string? key = null)
    {
        var result = await Publisher.PublishAsync(new PublishRequest(CoreFixture.HookName, Json(payload), EventOrigin.Api, IdempotencyKey: key), default);
        Assert.True(result.Succeeded, result.Error?.ToString());
        return result.Value!;
    }

    private async Task<List<Delivery>> DeliveriesAsync(string eventId)
    {
        await using var db = await fixture.ContextAsync();
        return await db.Deliveries.AsNoTracking().Where(d => d.EventId == eventId).ToListAsync();
    }

    private async Task<(int Events, int Deliveries)> CountsAsync()
    {
        await using var db = await fixture.ContextAsync();
        return (await db.Events.CountAsync(), await db.Deliveries.CountAsync());
    }

    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement;

    public async Task DisposeAsync() => await fixture.DisposeAsync();
}
