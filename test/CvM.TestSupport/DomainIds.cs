namespace CvM.TestSupport;

/// <summary>
/// Hands out DDS domain ids so that every test run (and every test in it) uses its own domain.
/// Ids stay in 1..232 (the usable UDP port range for DDS domains); the base comes from the process id.
/// </summary>
public static class DomainIds
{
    private static int _next = Environment.ProcessId % 100;

    /// <summary>A domain id not handed out before in this process.</summary>
    public static int Next() => 100 + (Interlocked.Increment(ref _next) % 130);
}
