using System.Diagnostics;

namespace WebhookPortal.ReliabilityTests.Support;

/// <summary>Bounded waits that say, when they run out, what was still missing.</summary>
public static class Waiting
{
    /// <summary>Checks every <paramref name="every"/> until <paramref name="done"/>; after the timeout fails with <paramref name="missing"/>.</summary>
    /// <param name="refresh">Runs before each check, to read what <paramref name="done"/> looks at.</param>
    public static async Task<TimeSpan> UntilAsync(Func<bool> done, TimeSpan timeout, Func<string> missing, TimeSpan? every = null, Func<Task>? refresh = null)
    {
        var watch = Stopwatch.StartNew();
        while (await RefreshAsync(refresh) && !done())
        {
            if (watch.Elapsed > timeout)
            {
                throw new TimeoutException($"Still not done after {timeout.TotalSeconds:0} s: {missing()}");
            }

            await Task.Delay(every ?? TimeSpan.FromMilliseconds(200));
        }

        return watch.Elapsed;
    }

    private static async Task<bool> RefreshAsync(Func<Task>? refresh)
    {
        if (refresh is not null)
        {
            await refresh();
        }

        return true;
    }
}
