using Xunit;

namespace CvM.TestSupport;

/// <summary>
/// Checks that a steady-state loop allocates nothing on the calling thread. The runtime itself may allocate once
/// on that thread while the loop runs (a method tiering up and resolving its string literals, a shared array
/// pool trimmed after a collection elsewhere and refilled), most often when parallel test processes load the
/// machine. Such a one-off lands in one window; a per-iteration cost lands in every window. So the loop runs in
/// up to <c>maxWindows</c> windows, stopping at the first that allocates nothing.
/// </summary>
public static class SteadyStateAllocation
{
    /// <summary>
    /// Runs <paramref name="window"/> (the caller's loop, already warmed up) until one run allocates nothing on
    /// this thread, at most <paramref name="maxWindows"/> times; fails, listing every window's bytes, otherwise.
    /// Returns how many windows ran.
    /// </summary>
    public static int AssertSomeWindowAllocatesNothing(Action window, string what, int maxWindows = 5)
    {
        ArgumentNullException.ThrowIfNull(window);
        var bytes = new long[maxWindows];
        for (var w = 0; w < maxWindows; w++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            window();
            bytes[w] = GC.GetAllocatedBytesForCurrentThread() - before;
            if (bytes[w] == 0) return w + 1;
        }
        Assert.Fail($"{what}: every window allocated on the calling thread; bytes per window: {string.Join(", ", bytes)}");
        return maxWindows;
    }
}
