using System.Globalization;
using System.Text;

namespace WebhookPortal.Core.Observability;

/// <summary>
/// Writes metric families in the Prometheus text exposition format, version 0.0.4: <c># HELP</c> and
/// <c># TYPE</c> per family, counters as <c>_total</c>, histograms as <c>_bucket{le="…"}</c>, <c>_sum</c> and <c>_count</c>.
/// </summary>
public static class PrometheusText
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    public static string Write(IEnumerable<MetricFamily> families)
    {
        var text = new StringBuilder();
        foreach (var family in families)
        {
            var type = family.Kind switch
            {
                MetricKind.Counter => "counter",
                MetricKind.Histogram => "histogram",
                _ => "gauge",
            };
            var sampleName = family.Kind == MetricKind.Counter ? family.Name + "_total" : family.Name;

            // HELP and TYPE name the family as its samples do (the counter with its _total), as Prometheus 2 expects.
            text.Append("# HELP ").Append(sampleName).Append(' ').Append(EscapeHelp(family.Help)).Append('\n');
            text.Append("# TYPE ").Append(sampleName).Append(' ').Append(type).Append('\n');
            foreach (var series in family.Series)
            {
                if (family.Kind == MetricKind.Histogram)
                {
                    WriteHistogram(text, family, series);
                }
                else
                {
                    Sample(text, sampleName, series.Labels, Number(series.Value));
                }
            }
        }

        return text.ToString();
    }

    /// <summary>A label name Prometheus accepts: letters, digits and underscores, not starting with a digit.</summary>
    public static string LabelName(string name)
    {
        var text = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            text.Append(char.IsAsciiLetterOrDigit(c) || c == '_' ? c : '_');
        }

        return text.Length > 0 && char.IsAsciiDigit(text[0]) ? "_" + text : text.ToString();
    }

    public static string EscapeLabelValue(string value) =>
        value.Replace("\\", @"\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)
            .Replace("\n", @"\n", StringComparison.Ordinal);

    private static string EscapeHelp(string help) =>
        help.Replace("\\", @"\\", StringComparison.Ordinal).Replace("\n", @"\n", StringComparison.Ordinal);

    private static void WriteHistogram(StringBuilder text, MetricFamily family, MetricSeries series)
    {
        var (cumulative, count, sum) = series.Histogram();
        var separator = series.Labels.Length > 0 ? "," : "";
        for (var i = 0; i < family.Buckets.Count; i++)
        {
            Sample(text, family.Name + "_bucket", $"{series.Labels}{separator}le=\"{Number(family.Buckets[i])}\"",
                cumulative[i].ToString(CultureInfo.InvariantCulture));
        }

        Sample(text, family.Name + "_bucket", $"{series.Labels}{separator}le=\"+Inf\"", count.ToString(CultureInfo.InvariantCulture));
        Sample(text, family.Name + "_sum", series.Labels, Number(sum));
        Sample(text, family.Name + "_count", series.Labels, count.ToString(CultureInfo.InvariantCulture));
    }

    private static void Sample(StringBuilder text, string name, string labels, string value)
    {
        text.Append(name);
        if (labels.Length > 0)
        {
            text.Append('{').Append(labels).Append('}');
        }

        text.Append(' ').Append(value).Append('\n');
    }

    private static string Number(double value) => value switch
    {
        double.PositiveInfinity => "+Inf",
        double.NegativeInfinity => "-Inf",
        double.NaN => "NaN",
        _ => value.ToString(CultureInfo.InvariantCulture),
    };
}
