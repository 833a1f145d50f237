using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Text;

namespace WebhookPortal.Core.Observability;

/// <summary>One instrument's series, keyed by their labels, in the form Prometheus names and reads them.</summary>
public sealed class MetricFamily
{
    private static readonly double[] DefaultBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    private readonly ConcurrentDictionary<string, MetricSeries> series = new(StringComparer.Ordinal);

    internal MetricFamily(Instrument instrument, MetricKind kind)
    {
        Kind = kind;
        Help = instrument.Description ?? "";
        Name = PrometheusName(instrument.Name, instrument.Unit);
        Buckets = kind == MetricKind.Histogram ? BucketsOf(instrument) : [];
    }

    /// <summary>The name without the <c>_total</c> a counter's sample adds.</summary>
    public string Name { get; }

    public string Help { get; }

    public MetricKind Kind { get; }

    /// <summary>The upper bounds of a histogram's buckets, ascending (the <c>+Inf</c> bucket is implicit).</summary>
    public IReadOnlyList<double> Buckets { get; }

    public IReadOnlyList<MetricSeries> Series => series.Values.OrderBy(s => s.Labels, StringComparer.Ordinal).ToList();

    internal static MetricKind? KindOf(Instrument instrument)
    {
        var type = instrument.GetType();
        if (!type.IsGenericType)
        {
            return null;
        }

        var definition = type.GetGenericTypeDefinition();
        // The kinds the portal's meter uses; another kind would need its own aggregation.
        return definition == typeof(Counter<>) ? MetricKind.Counter
            : definition == typeof(Histogram<>) ? MetricKind.Histogram
            : definition == typeof(ObservableGauge<>) ? MetricKind.Gauge
            : null;
    }

    internal void Record(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var one = series.GetOrAdd(LabelsOf(tags), labels => new MetricSeries(labels, Buckets.Count));
        one.Record(Kind, value, Buckets);
    }

    internal void ClearSeries() => series.Clear();

    /// <summary>Dots and other characters Prometheus refuses become underscores; the unit becomes a suffix.</summary>
    private static string PrometheusName(string name, string? unit)
    {
        var text = new StringBuilder(name.Length + 8);
        foreach (var c in name)
        {
            text.Append(char.IsAsciiLetterOrDigit(c) || c is '_' or ':' ? c : '_');
        }

        var suffix = unit switch
        {
            "s" => "_seconds",
            "ms" => "_milliseconds",
            "By" => "_bytes",
            _ => "",
        };
        return text.ToString().EndsWith(suffix, StringComparison.Ordinal) ? text.ToString() : text + suffix;
    }

    private static IReadOnlyList<double> BucketsOf(Instrument instrument) =>
        (instrument as Histogram<double>)?.Advice?.HistogramBucketBoundaries ??
        (instrument as Histogram<long>)?.Advice?.HistogramBucketBoundaries?.Select(b => (double)b).ToArray() ??
        (IReadOnlyList<double>)DefaultBuckets;

    /// <summary>The label set in exposition form, sorted by name: <c>a="1",b="x"</c>.</summary>
    private static string LabelsOf(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (tags.IsEmpty)
        {
            return "";
        }

        var pairs = tags.ToArray();
        Array.Sort(pairs, (x, y) => string.CompareOrdinal(x.Key, y.Key));
        return string.Join(",", pairs.Select(p => $"{PrometheusText.LabelName(p.Key)}=\"{PrometheusText.EscapeLabelValue(Convert.ToString(p.Value, System.Globalization.CultureInfo.InvariantCulture) ?? "")}\""));
    }
}
