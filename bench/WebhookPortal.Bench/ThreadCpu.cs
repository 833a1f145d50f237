using System.Runtime.InteropServices;

namespace WebhookPortal.Bench;

/// <summary>The CPU time the calling thread has used (Linux), so that other processes' load does not count.</summary>
internal static partial class ThreadCpu
{
    private const int ThreadCpuTimeClock = 3; // CLOCK_THREAD_CPUTIME_ID

    public static long Nanoseconds()
    {
        _ = ClockGetTime(ThreadCpuTimeClock, out var time);
        return time.Seconds * 1_000_000_000 + time.Nanoseconds;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
