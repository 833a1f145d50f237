using WebhookPortal.Core.Accounts;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WebhookPortal.Core.Deliveries;
using WebhookPortal.Core.Events;
using WebhookPortal.Core.Filters;
using WebhookPortal.TestSupport;

namespace WebhookPortal.Core.Tests.Deliveries;

/// <summary>
/// Core with the dispatcher running on the real clock, a short retry schedule (0 s, 1 s, 1 s, no jitter)
/// and a real receiver on 127.0.0.1 that each test programs.
/// </summary>
internal sealed class EngineFixture : IAsyncDisposable
{
    private EngineFixture(CoreFixture core, LocalReceiver receiver) => (Core, Receiver) = (core, receiver);

    public CoreFixture Core { get; }

    public LocalReceiver Receiver { get; }

    public static Task<EngineFixture> StartAsync(params (string Key, string? Value)[] settings) =>
        StartAsync(services: null, settings);

    public static async Task<EngineFixture> StartAsync(Action<IServiceCollection>? services, params (string Key, string? Value)[] settings)
    {
        var receiver = await LocalReceiver.StartAsync();
        var core = await CoreFixture.StartAsync(TimeProvider.System, services,
        [
            ("Delivery:Enabled", "true"), ("Delivery:AllowPrivateNetworks", "true"), ("Delivery:JitterPercent", "0"),
            ("Delivery:RetrySchedule:0", "0"), ("Delivery:RetrySchedule:1", "1"), ("Delivery:RetrySchedule:2", "1"),
            ("Delivery:RequestTimeoutSeconds", "2"), ("Delivery:LeaseSeconds", "4"), ("Delivery:ShutdownGraceSeconds", "5"),
            .. settings,
        ]);
        return new EngineFixture(core, receiver);
    }

    /// <summary>A listener of <c>member.joined</c> pointing at a path of the receiver.</summary>
    public async Task<string> ListenerAsync(string path, params MatchFilter[] filters) =>
        (await Core.Listeners.CreateAsync(Actor.System, CoreFixture.Input(url: Receiver.Url(path), filters: filters), default)).Value!.Listener.Id;

    public async Task<PublishedEvent> PublishAsync(string payload = """{"id":1,"name":"Jane"}""")
    {
        var result = await Core.Get<EventPublisher>().PublishAsync(
            new PublishRequest(CoreFixture.HookName, JsonDocument.Parse(payload).RootElement, EventOrigin.Api), default);
        return result.Value!;
    }

    public async Task<Delivery> DeliveryOfAsync(string eventId)
    {
        await using var db = await Core.ContextAsync();
        return await db.Deliveries.AsNoTracking().SingleAsync(d => d.EventId == eventId);
    }

    public async Task<List<DeliveryAttempt>> AttemptsAsync(string deliveryId)
    {
        await using var db = await Core.ContextAsync();
        return await db.DeliveryAttempts.AsNoTracking().Where(a => a.DeliveryId == deliveryId).OrderBy(a => a.Number).ToListAsync();
    }

    /// <summary>Waits until the delivery reaches the status (checking the database every 50 ms); fails after the timeout.</summary>
    public async Task<Delivery> WaitForAsync(string eventId, DeliveryStatus status, int seconds = 15)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var delivery = await DeliveryOfAsync(eventId);
            if (delivery.Status == status)
            {
                return delivery;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The delivery is {delivery.Status} after {seconds} s, not {status}.");
            }

            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Core.DisposeAsync();
        await Receiver.DisposeAsync();
    }
}
