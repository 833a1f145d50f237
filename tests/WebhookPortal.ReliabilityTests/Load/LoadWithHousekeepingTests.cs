using WebhookPortal.ReliabilityTests.Support;
using WebhookPortal.TestSupport;
using Xunit.Abstractions;

namespace WebhookPortal.ReliabilityTests.Load;

/// <summary>
/// Steady publishing while the retention purge deletes a million old attempts and a user pages through the log:
/// nothing is lost, every page answers, the purge gets on. The test runs a 15 s burst and prints its figures; the
/// speed targets (p99 publish under 100 ms, a log page under 300 ms) are the bench's to check, over the full 60 s
/// (<c>dotnet run -c Release --project bench/WebhookPortal.Bench -- load</c>), because a test machine is noisy.
/// </summary>
[Collection(SlowTests.Name)]
public sealed class LoadWithHousekeepingTests(ITestOutputHelper output)
{
    [Fact]
    public async Task EveryPublishedEventIsDeliveredAndEveryLogPageAnswers_WhileTheRetentionPurgeRuns()
    {
        var report = await LoadScenario.RunAsync(TimeSpan.FromSeconds(15), eventsPerSecond: 500, oldAttempts: 1_000_000,
            drainTimeout: TimeSpan.FromSeconds(120), output.WriteLine);
        foreach (var line in report.Lines())
        {
            output.WriteLine(line);
        }

        Assert.Equal(7_500, report.Published + report.Refused);
        Assert.Equal(0, report.Refused);
        Assert.Equal(report.Published, report.Delivered);
        Assert.Equal(0, report.PagesFailed);
        Assert.True(report.PageLatencies.Length >= 10, $"only {report.PageLatencies.Length} log pages were read during the run");
        Assert.True(report.OldAttemptsLeft < report.OldAttempts, "the retention purge deleted nothing while the load ran");
        // A hang guard only: 30 s for a single publish or page means something is stuck, not slow.
        Assert.True(report.PublishLatencies[^1] < 30_000 && report.PageLatencies[^1] < 30_000, "a publish or a log page took over 30 s");
    }
}
