using System.Globalization;

namespace WebhookPortal.TestSupport;

/// <summary>What one run of <see cref="LoadScenario"/> saw. Latencies are in milliseconds, sorted.</summary>
public sealed record LoadReport(
    int Published,
    int Refused,
    int Delivered,
    TimeSpan PublishingTime,
    TimeSpan DrainTime,
    double[] PublishLatencies,
    double[] PageLatencies,
    int PagesFailed,
    long OldAttempts,
    long OldAttemptsLeft,
    TimeSpan FillTime)
{
    public double PublishRate => Published / PublishingTime.TotalSeconds;

    /// <summary>The nearest-rank percentile of sorted milliseconds.</summary>
    public static double Percentile(double[] sorted, double percent) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(percent / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];

    public IEnumerable<string> Lines()
    {
        var c = CultureInfo.InvariantCulture;
        yield return string.Format(c, "  database: {0:N0} old attempts filled in {1:0.0} s; the retention purge deleted {2:N0} of them during the run ({3:N0} left)",
            OldAttempts, FillTime.TotalSeconds, OldAttempts - OldAttemptsLeft, OldAttemptsLeft);
        yield return string.Format(c, "  publish: {0:N0} events answered 202 in {1:0.0} s ({2:N0}/s), {3} refused; p50 {4:0.0} ms, p99 {5:0.0} ms, max {6:0.0} ms",
            Published, PublishingTime.TotalSeconds, PublishRate, Refused, Percentile(PublishLatencies, 50), Percentile(PublishLatencies, 99),
            PublishLatencies.LastOrDefault());
        yield return string.Format(c, "  delivered: {0:N0} of {1:N0}, the last {2:0.0} s after publishing ended",
            Delivered, Published, DrainTime.TotalSeconds);
        yield return string.Format(c, "  log pages: {0:N0} read, {1} failed; p50 {2:0.0} ms, p99 {3:0.0} ms, max {4:0.0} ms",
            PageLatencies.Length, PagesFailed, Percentile(PageLatencies, 50), Percentile(PageLatencies, 99), PageLatencies.LastOrDefault());
    }
}
