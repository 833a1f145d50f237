using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WebhookPortal.Core.Accounts;
using WebhookPortal.Core.Events;
using WebhookPortal.Core.Observability;
using WebhookPortal.Core.Tests.Deliveries;
using WebhookPortal.TestSupport;

namespace WebhookPortal.Core.Tests.Observability;

/// <summary>The instruments count what the engine records: outcomes, durations, failures per listener, the queue.</summary>
public sealed class PortalMetricsTests
{
    [Fact]
    public async Task Collect_CountsEachOutcome_TheDurations_AndTheFailuresOfTheFailingListener_WhenDeliveriesHappen()
    {
        await using var engine = await EngineFixture.StartAsync(("Metrics:QueueRefreshSeconds", "1"));
        engine.Receiver.Respond("/down", Behaviours.Status(500));
        var healthy = await engine.ListenerAsync("/ok");
        var failing = await engine.ListenerAsync("/down");
        var collector = engine.Core.Get<MetricsCollector>();

        // Both listeners get the event: one delivery succeeds at once, the other fails three times (0 s, 1 s, 1 s) and is dead.
        var published = await engine.PublishAsync();
        Assert.Equal(2, published.Deliveries);
        await WaitUntilAsync(() => Value(collector, "webhookportal_delivery_outcomes", "outcome=\"dead\"") == 1);

        Assert.Equal(1, Value(collector, "webhookportal_delivery_outcomes", "outcome=\"succeeded\""));
        Assert.Equal(2, Value(collector, "webhookportal_delivery_outcomes", "outcome=\"retrying\""));
        Assert.Equal(3, Value(collector, "webhookportal_listener_failures", $"listener_id=\"{failing}\""));
        Assert.Null(Series(collector, "webhookportal_listener_failures", $"listener_id=\"{healthy}\""));
        Assert.Equal(1, Value(collector, "webhookportal_events_published", ""));
        Assert.Equal(2, Value(collector, "webhookportal_deliveries_created", ""));

        var durations = Family(collector, "webhookportal_attempt_duration_seconds");
        Assert.Equal(MetricKind.Histogram, durations.Kind);
        var failed = durations.Series.Single(s => s.Labels == "error_kind=\"HttpError\",status_class=\"5xx\"");
        Assert.Equal(3, failed.Histogram().Count);
        var succeeded = durations.Series.Single(s => s.Labels == "error_kind=\"None\",status_class=\"2xx\"");
        Assert.Equal(1, succeeded.Histogram().Count);
        Assert.Equal(1, succeeded.Histogram().Cumulative[^1]); // within the largest bucket (60 s)

        // Nothing waits any more: the queue reads empty once its figures are refreshed.
        await Task.Delay(1100);
        Assert.Equal(0, Value(collector, "webhookportal_queue_depth", "state=\"due\""));
        Assert.Equal(0, Value(collector, "webhookportal_queue_oldest_due_age_seconds", ""));
    }

    [Fact]
    public async Task QueueDepth_CountsWaitingDeliveries_AndTheOldestDueAge_WhenTheEngineIsOff()
    {
        var clock = new ManualClock();
        await using var core = await CoreFixture.StartAsync(clock, ("Metrics:QueueRefreshSeconds", "5"));
        await core.Listeners.CreateAsync(Actor.System, CoreFixture.Input(), default);
        await core.Get<EventPublisher>().PublishAsync(new PublishRequest(CoreFixture.HookName,
            System.Text.Json.JsonDocument.Parse("{\"id\":1}").RootElement, EventOrigin.Api), default);
        var collector = core.Get<MetricsCollector>();
        clock.Advance(TimeSpan.FromSeconds(90));

        Assert.Equal(1, Value(collector, "webhookportal_queue_depth", "state=\"due\""));
        Assert.Equal(90, Value(collector, "webhookportal_queue_oldest_due_age_seconds", ""));

        // Read again only after Metrics:QueueRefreshSeconds: a scrape in between reports the cached figures.
        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(90, Value(collector, "webhookportal_queue_oldest_due_age_seconds", ""));
        clock.Advance(TimeSpan.FromSeconds(4));
        Assert.Equal(96, Value(collector, "webhookportal_queue_oldest_due_age_seconds", ""));
    }

    [Fact]
    public async Task ListenerFailures_CountPastTheSeriesLimitUnderOther()
    {
        await using var engine = await EngineFixture.StartAsync(("Metrics:MaxListenerSeries", "1"));
        engine.Receiver.Respond("/a", Behaviours.Status(500));
        engine.Receiver.Respond("/b", Behaviours.Status(500));
        await engine.ListenerAsync("/a");
        await engine.ListenerAsync("/b");
        var collector = engine.Core.Get<MetricsCollector>();

        await engine.PublishAsync();
        // Each delivery fails all three attempts: six failures over two listeners, one of which has its own series.
        await WaitUntilAsync(() => Family(collector, "webhookportal_listener_failures").Series.Sum(s => s.Value) == 6);

        var series = Family(collector, "webhookportal_listener_failures").Series;
        Assert.Equal(2, series.Count);
        Assert.Single(series, s => s.Labels == $"listener_id=\"{PortalMetrics.OtherListeners}\"");
    }

    [Fact]
    public void Options_RefuseAShortScrapeKey_NamingTheSetting()
    {
        using var folder = new TempFolder();
        using var host = CoreHost.Build(folder, ("Metrics:ScrapeKey", "short"));

        var error = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<MetricsOptions>>().Value);

        Assert.Contains("Metrics:ScrapeKey must be empty (scraping from this machine only) or at least 16 characters", error.Message);
    }

    private static MetricFamily Family(MetricsCollector collector, string name) => collector.Collect().Single(f => f.Name == name);

    private static MetricSeries? Series(MetricsCollector collector, string name, string labels) =>
        Family(collector, name).Series.SingleOrDefault(s => s.Labels == labels);

    private static double? Value(MetricsCollector collector, string name, string labels) => Series(collector, name, labels)?.Value;

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The metrics did not reach the expected values within 20 s.");
            await Task.Delay(50);
        }
    }
}
