using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WebhookPortal.Core.Deliveries;
using WebhookPortal.Core.Events;
using WebhookPortal.Core.Tests.Deliveries;
using WebhookPortal.TestSupport;

namespace WebhookPortal.Core.Tests.Observability;

/// <summary>What is logged about a delivery or a publish carries its ids, so one grep finds everything about it.</summary>
public sealed class LogScopeTests
{
    [Fact]
    public async Task AttemptLogs_CarryTheDeliveryEventAndListenerIds_AndPublishLogsTheEventAndHook()
    {
        var logs = new CapturedLogs();
        await using var engine = await EngineFixture.StartAsync(services =>
        {
            services.AddSingleton<ILoggerProvider>(logs);
            services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Debug));
        });
        var listenerId = await engine.ListenerAsync("/ok");

        var published = await engine.PublishAsync();
        var delivery = await engine.WaitForAsync(published.EventId, DeliveryStatus.Succeeded);

        var attempt = await WaitForLogAsync(logs, e => e.Category == typeof(DeliveryDispatcher).FullName && e.Message.Contains("Succeeded"));
        Assert.Equal(delivery.Id, attempt.Scopes["DeliveryId"]);
        Assert.Equal(published.EventId, attempt.Scopes["EventId"]);
        Assert.Equal(listenerId, attempt.Scopes["ListenerId"]);
        Assert.Equal(1, attempt.Scopes["AttemptNumber"]);

        var stored = Assert.Single(logs.Entries, e => e.Category == typeof(EventPublisher).FullName);
        Assert.Equal(published.EventId, stored.Scopes["EventId"]);
        Assert.Equal(CoreFixture.HookName, stored.Scopes["Hook"]);
    }

    [Fact]
    public async Task ListenerDisabledWarning_CarriesTheIdsOfTheAttemptThatDisabledIt()
    {
        var logs = new CapturedLogs();
        await using var engine = await EngineFixture.StartAsync(services => services.AddSingleton<ILoggerProvider>(logs));
        engine.Receiver.Respond("/gone", Behaviours.Status(410));
        var listenerId = await engine.ListenerAsync("/gone");

        var published = await engine.PublishAsync();
        await engine.WaitForAsync(published.EventId, DeliveryStatus.Failed);

        var warning = await WaitForLogAsync(logs, e => e.Level == LogLevel.Warning && e.Message.Contains("was disabled"));
        Assert.Contains(listenerId, warning.Message);
        Assert.Equal(listenerId, warning.Scopes["ListenerId"]);
        Assert.Equal(published.EventId, warning.Scopes["EventId"]);
    }

    private static async Task<CapturedLog> WaitForLogAsync(CapturedLogs logs, Func<CapturedLog, bool> match)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            if (logs.Entries.FirstOrDefault(match) is { } found)
            {
                return found;
            }

            Assert.True(DateTime.UtcNow < deadline, "The expected log entry was not written within 10 s.");
            await Task.Delay(50);
        }
    }
}
