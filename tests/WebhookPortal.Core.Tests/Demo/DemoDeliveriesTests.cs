using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using WebhookPortal.Core.Deliveries;
using WebhookPortal.Core.Demo;
using WebhookPortal.Core.Events;
using WebhookPortal.Core.Hooks;
using WebhookPortal.Core.Persistence;
using WebhookPortal.TestSupport;

namespace WebhookPortal.Core.Tests.Demo;

/// <summary>The demo's listeners pointed at the built-in receiver, and its first events, added on the first start only.</summary>
public sealed class DemoDeliveriesTests : IDisposable
{
    private readonly TempFolder folder = new();

    [Fact]
    public async Task FirstStart_AddsListenersOnTheReceiverWithSecrets_AndPendingOrderEvents()
    {
        await StartAndStopAsync(("Portal:BaseUrl", "http://portal.test:8080/"));

        await using var db = await ContextAsync();
        var listeners = await db.Listeners.AsNoTracking().Include(l => l.Hook).OrderBy(l => l.Id).ToListAsync();
        Assert.Equal(
            [("order.paid", "http://portal.test:8080/receiver/orders?fail=1"), ("person.saved", "http://portal.test:8080/receiver/people")],
            listeners.Select(l => (l.Hook.Name, l.Url)).ToList());
        Assert.All(listeners, l => Assert.StartsWith("whsec_", l.Secret));
        var events = await db.Events.AsNoTracking().ToListAsync();
        Assert.Equal(3, events.Count);
        Assert.All(events, e => Assert.Equal((EventOrigin.Test, "demo data"), (e.Origin, e.OriginDetail)));
        Assert.Equal(3, await db.Deliveries.CountAsync(d => d.ListenerId == listeners[0].Id && d.Status == DeliveryStatus.Pending));
    }

    [Fact]
    public async Task LaterStarts_AddNothing_EvenAfterTheDemoListenersWereDeleted()
    {
        await StartAndStopAsync();
        await using (var db = await ContextAsync())
        {
            await db.Database.ExecuteSqlRawAsync("UPDATE listeners SET deleted_at = 1");
        }

        await StartAndStopAsync();

        await using var again = await ContextAsync();
        Assert.Equal(0, await again.Listeners.CountAsync());
        Assert.Equal(3, await again.Events.CountAsync());
    }

    [Fact]
    public async Task FirstStart_PointsTheListenersAtTheFirstServerAddress_WhenNoBaseUrlIsSet()
    {
        await StartAndStopAsync(("urls", "http://*:5123;https://localhost:5124"));

        await using var db = await ContextAsync();
        Assert.All(await db.Listeners.Select(l => l.Url).ToListAsync(), url => Assert.StartsWith("http://localhost:5123/receiver/", url));
    }

    [Fact]
    public async Task FirstStart_AddsNoDemoTraffic_WhenSeedingIsTurnedOff()
    {
        await StartAndStopAsync(("Portal:SeedDemoData", "false"));

        await using var db = await ContextAsync();
        Assert.Equal((0, 0), (await db.Listeners.CountAsync(), await db.Events.CountAsync()));
    }

    private async Task StartAndStopAsync(params (string Key, string? Value)[] settings)
    {
        using var host = CoreHost.Build(folder, TimeProvider.System, hooks => hooks.OnEntity<Person>(
            EntityChangeKind.Saved, "person.saved", "A person was saved.", ["id", "name", "address"]), settings);
        await host.StartAsync();
        await host.StopAsync();
    }

    private Task<PortalDbContext> ContextAsync()
    {
        var options = new DbContextOptionsBuilder<PortalDbContext>().UseSqlite($"Data Source={folder.File("portal.db")};Pooling=False").Options;
        return Task.FromResult(new PortalDbContext(options));
    }

    public void Dispose() => folder.Dispose();
}
