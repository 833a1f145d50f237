using WebhookPortal.Core.Accounts;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using WebhookPortal.Core.Deliveries;
using WebhookPortal.Core.Demo;
using WebhookPortal.Core.Events;
using WebhookPortal.Core.Observability;

namespace WebhookPortal.Core.Tests.Events;

public sealed class EntityEventsInterceptorTests : IAsyncLifetime
{
    private CoreFixture fixture = default!;

    public async Task InitializeAsync()
    {
        fixture = await CoreFixture.StartAsync();
        await fixture.Listeners.CreateAsync(Actor.System, CoreFixture.Input(url: "https://crm.example/", hook: "person.saved"), default);
        await fixture.Listeners.CreateAsync(Actor.System, CoreFixture.Input(url: "https://crm.example/gone", hook: "person.deleted"), default);
    }

    [Fact]
    public async Task SaveChanges_FiresPersonSaved_WithTheGeneratedIdAndWithoutTheSecret()
    {
        var person = new Person { Name = "Jane Doe", Address = "12 High Street", Secret = "s3cr3t-value" };
        await using (var db = await fixture.ContextAsync())
        {
            db.People.Add(person);
            await db.SaveChangesAsync();
        }

        var saved = Assert.Single(await EventsAsync());
        Assert.Equal("person.saved", saved.Hook.Name);
        Assert.Equal($$"""{"id":{{person.Id}},"name":"Jane Doe","address":"12 High Street"}""", saved.Payload);
        Assert.DoesNotContain("s3cr3t", saved.Payload);
        Assert.Equal(EventOrigin.Entity, saved.Origin);
        Assert.Equal($"Person #{person.Id}", saved.OriginDetail);
        Assert.Equal(1, saved.DeliveryCount);
    }

    [Fact]
    public async Task SaveChanges_FiresSavedForAModificationAndDeletedForADeletion_WithTheValuesAsTheyWere()
    {
        await using var db = await fixture.ContextAsync();
        var person = new Person { Name = "Jane", Address = "Old Street", Secret = "x" };
        db.People.Add(person);
        await db.SaveChangesAsync();

        person.Address = "New Street";
        await db.SaveChangesAsync();
        db.People.Remove(person);
        await db.SaveChangesAsync();

        var events = await EventsAsync();
        Assert.Equal(["person.saved", "person.saved", "person.deleted"], events.Select(e => e.Hook.Name));
        Assert.Contains("New Street", events[1].Payload);
        Assert.Equal($$"""{"id":{{person.Id}},"name":"Jane","address":"New Street"}""", events[2].Payload);
    }

    [Fact]
    public async Task SaveChanges_FiresAlsoWhenCalledSynchronously()
    {
        await using (var db = await fixture.ContextAsync())
        {
            db.People.Add(new Person { Name = "Sync", Address = "", Secret = "" });
            db.SaveChanges(); // the synchronous path of the interceptor
        }

        Assert.Single(await EventsAsync());
    }

    [Fact]
    public async Task SaveChanges_StoresNoEvent_WhenTheCallersTransactionRollsBack()
    {
        await using (var db = await fixture.ContextAsync())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.People.Add(new Person { Name = "Never", Address = "", Secret = "" });
            await db.SaveChangesAsync();
            Assert.Single(await db.Events.ToListAsync()); // visible inside the transaction…
            await transaction.RollbackAsync();
        }

        Assert.Empty(await EventsAsync()); // …and gone with it
        await using var check = await fixture.ContextAsync();
        Assert.Empty(await check.People.ToListAsync());
        Assert.Empty(await check.Deliveries.ToListAsync());
    }

    [Fact]
    public async Task SaveChanges_StoresNoEvent_WhenTheSaveFails()
    {
        await using (var db = await fixture.ContextAsync())
        {
            db.People.Add(new Person { Id = 7, Name = "First", Address = "", Secret = "" });
            await db.SaveChangesAsync();
        }

        await using (var db = await fixture.ContextAsync())
        {
            db.People.Add(new Person { Id = 7, Name = "Same key", Address = "", Secret = "" });
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }

        Assert.Single(await EventsAsync());

        // The context that failed left no transaction open: the next save through the factory works.
        await using var after = await fixture.ContextAsync();
        after.People.Add(new Person { Name = "Later", Address = "", Secret = "" });
        await after.SaveChangesAsync();
        Assert.Equal(2, (await EventsAsync()).Count);
    }

    [Fact]
    public async Task SaveChanges_FiresNothing_ForEntitiesNoHookWatches()
    {
        await using var db = await fixture.ContextAsync();
        var hook = await db.Hooks.SingleAsync(h => h.Name == CoreFixture.HookName);
        hook.Description = "changed";
        await db.SaveChangesAsync();

        Assert.Empty(await EventsAsync());
    }

    [Fact]
    public async Task EventLog_SaysWhatTheLastSaveOfAContextPublished_AndForgetsItAtTheNextSave()
    {
        var log = fixture.Get<EntityEventLog>();
        await using var db = await fixture.ContextAsync();
        db.People.Add(new Person { Name = "Logged", Address = "", Secret = "" });
        await db.SaveChangesAsync();

        var published = Assert.Single(log.LastSaveOf(db));
        Assert.Equal("person.saved", published.Hook);
        Assert.Equal(1, published.Deliveries);
        Assert.Equal((await EventsAsync()).Single().Id, published.EventId);

        var hook = await db.Hooks.SingleAsync(h => h.Name == CoreFixture.HookName);
        hook.Description = "not watched";
        await db.SaveChangesAsync();
        Assert.Empty(log.LastSaveOf(db));
    }

    [Fact]
    public async Task CallersTransaction_ReportsNothing_WhenItRollsBack()
    {
        var (log, published, wakeUps) = Reporting();
        await using var db = await fixture.ContextAsync();
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            db.People.Add(new Person { Name = "Never", Address = "", Secret = "" });
            await db.SaveChangesAsync();
            Assert.Empty(log.LastSaveOf(db)); // stored, but not yet committed: nothing to report
            await transaction.RollbackAsync();
        }

        Assert.Empty(log.LastSaveOf(db));
        Assert.Equal(0, published());
        Assert.Equal(0, wakeUps());
        Assert.Empty(await EventsAsync());
    }

    [Fact]
    public async Task CallersTransaction_ReportsEverySavesEvents_OnlyWhenItCommits()
    {
        var (log, published, wakeUps) = Reporting();
        await using var db = await fixture.ContextAsync();
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            var person = new Person { Name = "Kept", Address = "", Secret = "" };
            db.People.Add(person);
            await db.SaveChangesAsync();
            db.People.Remove(person);
            await db.SaveChangesAsync();
            Assert.Empty(log.LastSaveOf(db));
            Assert.Equal(0, published());
            Assert.Equal(0, wakeUps());

            await transaction.CommitAsync();
        }

        Assert.Equal(["person.saved", "person.deleted"], log.LastSaveOf(db).Select(p => p.Hook));
        Assert.Equal((await EventsAsync()).Select(e => e.Id), log.LastSaveOf(db).Select(p => p.EventId));
        Assert.Equal(2, published());
        Assert.Equal(1, wakeUps());
    }

    [Fact]
    public async Task OwnTransaction_ReportsTheEventAtTheEndOfTheSave()
    {
        var (log, published, wakeUps) = Reporting();
        await using var db = await fixture.ContextAsync();
        db.People.Add(new Person { Name = "Reported", Address = "", Secret = "" });
        await db.SaveChangesAsync();

        Assert.Single(log.LastSaveOf(db));
        Assert.Equal(1, published());
        Assert.Equal(1, wakeUps());
    }

    /// <summary>The three things told about stored events: the log, the published-events metric and the dispatcher's wake-ups.</summary>
    private (EntityEventLog Log, Func<double> Published, Func<int> WakeUps) Reporting()
    {
        var collector = fixture.Get<MetricsCollector>();
        var wakeUps = 0;
        fixture.Get<DeliverySignal>().Announced += () => Interlocked.Increment(ref wakeUps);
        return (fixture.Get<EntityEventLog>(),
            () => collector.Collect().Single(f => f.Name == "webhookportal_events_published").Series.SingleOrDefault()?.Value ?? 0,
            () => Volatile.Read(ref wakeUps));
    }

    private async Task<List<Event>> EventsAsync()
    {
        SqliteConnection.ClearAllPools();
        await using var db = await fixture.ContextAsync();
        return await db.Events.AsNoTracking().Include(e => e.Hook).OrderBy(e => e.Id).ToListAsync();
    }

    public async Task DisposeAsync() => await fixture.DisposeAsync();
}
