using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace WebhookPortal.Core.Observability;

/// <summary>
/// Listens to this host's <see cref="PortalMetrics"/> meter and keeps every series in memory: counters as
/// running sums, histograms as cumulative buckets, gauges as their latest observation (taken at each
/// <see cref="Collect"/>). It is what <c>/metrics</c> renders; it stores nothing and starts at zero with the process.
/// </summary>
public sealed class MetricsCollector : IDisposable
{
    private readonly MeterListener listener = new();
    private readonly Meter meter;
    private readonly ConcurrentDictionary<Instrument, MetricFamily> families = new();
    private readonly Lock collecting = new();

    public MetricsCollector(PortalMetrics metrics)
    {
        meter = metrics.Meter;
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (ReferenceEquals(instrument.Meter, meter) && MetricFamily.KindOf(instrument) is { } kind)
            {
                families[instrument] = new MetricFamily(instrument, kind);
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        listener.Start();
    }

    /// <summary>Observes the gauges now and returns every family, ordered by name.</summary>
    public IReadOnlyList<MetricFamily> Collect()
    {
        lock (collecting)
        {
            foreach (var family in families.Values.Where(f => f.Kind == MetricKind.Gauge))
            {
                family.ClearSeries(); // a series the callback no longer reports is gone
            }

            listener.RecordObservableInstruments();
            return families.Values.OrderBy(f => f.Name, StringComparer.Ordinal).ToList();
        }
    }

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (families.TryGetValue(instrument, out var family))
        {
            family.Record(value, tags);
        }
    }

    public void Dispose() => listener.Dispose();
}
