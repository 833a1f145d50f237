namespace WebhookPortal.Core.Observability;

/// <summary>One series of a family: its labels and its value (a histogram: cumulative bucket counts, sum and count).</summary>
public sealed class MetricSeries
{
    private readonly Lock gate = new();
    private readonly long[] bucketCounts;
    private double value;
    private long count;

    internal MetricSeries(string labels, int buckets)
    {
        Labels = labels;
        bucketCounts = new long[buckets];
    }

    /// <summary>The labels in exposition form (<c>outcome="succeeded"</c>), empty when there are none.</summary>
    public string Labels { get; }

    /// <summary>A counter's total, a gauge's latest value, a histogram's sum.</summary>
    public double Value
    {
        get
        {
            lock (gate)
            {
                return value;
            }
        }
    }

    /// <summary>
    /// A histogram's observations, read together: the bucket counts cumulative (each counts what is at most its
    /// bound), the total count and the sum.
    /// </summary>
    public (long[] Cumulative, long Count, double Sum) Histogram()
    {
        lock (gate)
        {
            var cumulative = new long[bucketCounts.Length];
            long running = 0;
            for (var i = 0; i < bucketCounts.Length; i++)
            {
                running += bucketCounts[i];
                cumulative[i] = running;
            }

            return (cumulative, count, value);
        }
    }

    internal void Record(MetricKind kind, double measurement, IReadOnlyList<double> buckets)
    {
        lock (gate)
        {
            switch (kind)
            {
                case MetricKind.Gauge:
                    value = measurement;
                    break;
                case MetricKind.Histogram:
                    value += measurement;
                    count++;
                    for (var i = 0; i < buckets.Count; i++)
                    {
                        if (measurement <= buckets[i])
                        {
                            bucketCounts[i]++;
                            break;
                        }
                    }

                    break;
                default:
                    value += measurement;
                    break;
            }
        }
    }
}
