using System.Runtime.InteropServices;

namespace CvM.Inference.Internal;

/// <summary>
/// CPU time of the calling thread (<c>clock_gettime(CLOCK_THREAD_CPUTIME_ID)</c>, Linux): unlike wall time it does not
/// count the time the thread waits for a core, so it measures a stage's own cost on a loaded machine. Where the clock
/// is unavailable (not Linux) <see cref="NowNs"/> returns -1 and <see cref="IsAvailable"/> is false. No allocation.
/// </summary>
internal static partial class ThreadCpuClock
{
    private const int ClockThreadCpuTimeId = 3;

    /// <summary>True when the thread CPU clock can be read.</summary>
    public static bool IsAvailable { get; } = Probe();

    /// <summary>Nanoseconds of CPU time the calling thread has used, or -1 when unavailable.</summary>
    public static long NowNs() => IsAvailable && ClockGetTime(ClockThreadCpuTimeId, out var ts) == 0 ? ts.Seconds * 1_000_000_000L + ts.Nanoseconds : -1;

    /// <summary>Milliseconds between two <see cref="NowNs"/> readings; NaN when either is unavailable.</summary>
    public static double ElapsedMs(long startNs, long endNs) => startNs < 0 || endNs < 0 ? double.NaN : (endNs - startNs) / 1e6;

    private static bool Probe()
    {
        if (!OperatingSystem.IsLinux()) return false;
        try
        {
            return ClockGetTime(ClockThreadCpuTimeId, out _) == 0;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clockId, out TimeSpec ts);
}
