using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Options;
using WebhookPortal.Core.Deliveries;

namespace WebhookPortal.Core.Observability;

/// <summary>
/// The portal's instruments, on the meter <c>WebhookPortal</c> (System.Diagnostics.Metrics): any listener of
/// that meter sees them, and <see cref="MetricsCollector"/> serves them at <c>/metrics</c>. One meter per host
/// (made by its <see cref="IMeterFactory"/>), so two portals in one process never mix their counts.
/// </summary>
public sealed class PortalMetrics
{
    public const string MeterName = "WebhookPortal";

    /// <summary>The tag value that stands for every listener past <c>Metrics:MaxListenerSeries</c>.</summary>
    public const string OtherListeners = "other";

    // Seconds: a fast receiver on the same network answers in milliseconds, the default timeout is 15 s.
    private static readonly double[] DurationBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 15, 30, 60];

    private readonly Counter<long> outcomes;
    private readonly Histogram<double> duration;
    private readonly Counter<long> listenerFailures;
    private readonly Counter<long> eventsPublished;
    private readonly Counter<long> deliveriesCreated;
    private readonly ConcurrentDictionary<string, bool> listenerSeries = new(StringComparer.Ordinal);
    private readonly int maxListenerSeries;

    public PortalMetrics(IMeterFactory meters, IOptions<MetricsOptions> options, QueueGauge queue)
    {
        maxListenerSeries = options.Value.MaxListenerSeries;
        Meter = meters.Create(MeterName);
        outcomes = Meter.CreateCounter<long>("webhookportal.delivery.outcomes", "{attempt}",
            "Recorded attempts by what became of their delivery (outcome: succeeded, retrying, held, cancelled, dead, superseded).");
        duration = Meter.CreateHistogram("webhookportal.attempt.duration", "s",
            "How long attempts took, from sending the request to the end of the kept response (error_kind, status_class).",
            tags: null, new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });
        listenerFailures = Meter.CreateCounter<long>("webhookportal.listener.failures", "{attempt}",
            "Failed attempts per listener (listener_id; listeners past Metrics:MaxListenerSeries count under \"other\").");
        eventsPublished = Meter.CreateCounter<long>("webhookportal.events.published", "{event}",
            "Events stored (an idempotent repeat is not counted).");
        deliveriesCreated = Meter.CreateCounter<long>("webhookportal.deliveries.created", "{delivery}",
            "Deliveries queued by publishing: one per event and matching listener.");
        Meter.CreateObservableGauge("webhookportal.queue.depth", () => Depth(queue.Current), "{delivery}",
            "Deliveries in the queue (state: due, scheduled, sending, held), read at most every Metrics:QueueRefreshSeconds.");
        Meter.CreateObservableGauge("webhookportal.queue.oldest_due_age", () => queue.Current.OldestDueAge.TotalSeconds, "s",
            "How long the longest-waiting due delivery is past its due time; 0 when none waits.");
    }

    public Meter Meter { get; }

    /// <summary>Counts a recorded attempt: its outcome, its duration and, when it failed, its listener's failure.</summary>
    internal void AttemptRecorded(RecordedAttempt recorded)
    {
        var (attempt, result) = (recorded.Sent.Attempt, recorded.Sent.Result);
        outcomes.Add(1, new KeyValuePair<string, object?>("outcome", OutcomeText(recorded.Outcome)));
        duration.Record(attempt.DurationMilliseconds / 1000.0,
            new KeyValuePair<string, object?>("error_kind", result.ErrorKind.ToString()),
            new KeyValuePair<string, object?>("status_class", StatusClass(result.StatusCode)));
        if (!result.Succeeded)
        {
            listenerFailures.Add(1, new KeyValuePair<string, object?>("listener_id", ListenerTag(recorded.Sent.Work.Claim.ListenerId)));
        }
    }

    internal void EventPublished(int deliveries)
    {
        eventsPublished.Add(1);
        deliveriesCreated.Add(deliveries);
    }

    public static string OutcomeText(AttemptOutcome outcome) => outcome.ToString().ToLowerInvariant();

    private static string StatusClass(int? status) => status is { } code and >= 100 and < 600 ? $"{code / 100}xx" : "none";

    /// <summary>
    /// The listener's own series while fewer than <c>Metrics:MaxListenerSeries</c> listeners have one: the first
    /// listeners to fail keep theirs for the life of the process, so the number of series is bounded.
    /// </summary>
    private string ListenerTag(string listenerId)
    {
        if (listenerSeries.ContainsKey(listenerId))
        {
            return listenerId;
        }

        lock (listenerSeries)
        {
            if (listenerSeries.Count < maxListenerSeries)
            {
                listenerSeries.TryAdd(listenerId, true);
                return listenerId;
            }
        }

        return OtherListeners;
    }

    private static IEnumerable<Measurement<long>> Depth(QueueFigures figures) =>
    [
        new(figures.Due, new KeyValuePair<string, object?>("state", "due")),
        new(figures.Scheduled, new KeyValuePair<string, object?>("state", "scheduled")),
        new(figures.Sending, new KeyValuePair<string, object?>("state", "sending")),
        new(figures.Held, new KeyValuePair<string, object?>("state", "held")),
    ];
}
