using System.Diagnostics;
using System.Globalization;

namespace WebhookPortal.Bench;

/// <summary>Repeated wall-clock measurements of one action, and their median and percentiles.</summary>
internal sealed class Timings
{
    private readonly double[] sortedMilliseconds;

    private Timings(double[] milliseconds)
    {
        Array.Sort(milliseconds);
        sortedMilliseconds = milliseconds;
    }

    public int Count => sortedMilliseconds.Length;

    public double MedianMilliseconds => Percentile(50);

    public static Timings Measure(int repetitions, Action action)
    {
        var milliseconds = new double[repetitions];
        for (var i = 0; i < repetitions; i++)
        {
            var start = Stopwatch.GetTimestamp();
            action();
            milliseconds[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        return new Timings(milliseconds);
    }

    /// <summary>The nearest-rank percentile: the smallest time that at least <paramref name="percent"/> % of the runs did not exceed.</summary>
    public double Percentile(double percent)
    {
        var rank = (int)Math.Ceiling(percent / 100 * sortedMilliseconds.Length);
        return sortedMilliseconds[Math.Clamp(rank - 1, 0, sortedMilliseconds.Length - 1)];
    }

    public static string Format(double value, string format = "0.000") => value.ToString(format, CultureInfo.InvariantCulture);
}
