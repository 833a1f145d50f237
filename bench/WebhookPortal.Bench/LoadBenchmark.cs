using WebhookPortal.TestSupport;

namespace WebhookPortal.Bench;

/// <summary>
/// Publishing at a steady 500 events/s for 60 s through the REST API, while the retention purge deletes a million
/// old attempts and a user pages through the delivery log (<see cref="LoadScenario"/>). Targets: a publish answers
/// within 100 ms at p99, and every log page within 300 ms. A shorter control run without the purge follows, so the
/// purge's share of the figures shows.
/// </summary>
internal sealed class LoadBenchmark : IBenchmark
{
    private const double PublishTargetMilliseconds = 100;
    private const double PageTargetMilliseconds = 300;

    public string Name => "load";

    public string Description => "500 events/s for 60 s while retention purges 1,000,000 old attempts and the log is paged";

    public void Run(TextWriter output)
    {
        var report = LoadScenario.RunAsync(TimeSpan.FromSeconds(60), eventsPerSecond: 500, oldAttempts: 1_000_000,
            drainTimeout: TimeSpan.FromSeconds(300), line => output.WriteLine("  … " + line)).GetAwaiter().GetResult();
        output.WriteLine("load: 500 events/s for 60 s to one listener, retention purging 1,000,000 old attempts, the log paged every 100 ms");
        foreach (var line in report.Lines())
        {
            output.WriteLine(line);
        }

        var publishP99 = LoadReport.Percentile(report.PublishLatencies, 99);
        var pageMax = report.PageLatencies.LastOrDefault();
        output.WriteLine($"  nothing lost: {report.Delivered:N0} of {report.Published:N0} delivered, {report.Refused} refused   " +
                         (report.Delivered == report.Published && report.Refused == 0 ? "PASS" : "FAIL"));
        output.WriteLine($"  publish p99 {publishP99:0.0} ms   target: under {PublishTargetMilliseconds} ms   {(publishP99 < PublishTargetMilliseconds ? "PASS" : "FAIL")}");
        output.WriteLine($"  log page, slowest of {report.PageLatencies.Length:N0}: {pageMax:0.0} ms (p99 {LoadReport.Percentile(report.PageLatencies, 99):0.0} ms)   " +
                         $"target: every page under {PageTargetMilliseconds} ms   {(pageMax < PageTargetMilliseconds && report.PagesFailed == 0 ? "PASS" : "FAIL")}");

        var control = LoadScenario.RunAsync(TimeSpan.FromSeconds(30), eventsPerSecond: 500, oldAttempts: 1_000_000,
            drainTimeout: TimeSpan.FromSeconds(300), line => output.WriteLine("  … " + line), purge: false).GetAwaiter().GetResult();
        output.WriteLine("load, control: the same for 30 s without the retention purge");
        foreach (var line in control.Lines().Skip(1))
        {
            output.WriteLine(line);
        }
    }
}
