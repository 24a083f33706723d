#if CVM_BENCH_BAGS
using System.Diagnostics;
using System.Globalization;

namespace CvM.Benchmarks;

/// <summary>
/// Process CPU time per benchmark invocation and the 1-minute load average, measured inside the benchmark process
/// (BenchmarkDotNet runs each benchmark in a child of the host) and handed to <see cref="BagCpuColumn"/> through a file
/// <c>$TMP/cvm-bagread-cpu/&lt;host pid&gt;/&lt;method&gt;.txt</c>. CPU time counts every thread of the process
/// (read-ahead workers included), over all invocations of the run (pilot, warm-up and measured), so it is the
/// work a pass costs, whatever share of the cores the machine's load left it.
/// </summary>
internal static class BagCpuProbe
{
    private static TimeSpan _cpuAtStart;
    private static double _loadAtStart;
    private static long _invocations;
    private static string? _method;

    public static void Start()
    {
        _cpuAtStart = Process.GetCurrentProcess().TotalProcessorTime;
        _loadAtStart = LoadAverage();
        _invocations = 0;
    }

    /// <summary>Called once per invocation by the benchmark method.</summary>
    public static void Count(string method)
    {
        _method = method;
        _invocations++;
    }

    public static void Stop()
    {
        if (_method is null || _invocations == 0) return;
        var cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - _cpuAtStart).TotalMilliseconds;
        var load = (_loadAtStart + LoadAverage()) / 2;
        var dir = Folder(ParentProcessId());
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, _method + ".txt"),
            string.Create(CultureInfo.InvariantCulture, $"{cpuMs / _invocations:F2} {load:F1} {_invocations}"));
    }

    /// <summary>(CPU ms per invocation, mean load average) written by the child run of <paramref name="method"/>, or null.</summary>
    public static (double CpuMs, double Load)? Read(string method)
    {
        var path = Path.Combine(Folder(Environment.ProcessId), method + ".txt");
        if (!File.Exists(path)) return null;
        var parts = File.ReadAllText(path).Split(' ');
        return (double.Parse(parts[0], CultureInfo.InvariantCulture), double.Parse(parts[1], CultureInfo.InvariantCulture));
    }

    private static string Folder(int hostPid) => Path.Combine(Path.GetTempPath(), "cvm-bagread-cpu", hostPid.ToString(CultureInfo.InvariantCulture));

    private static double LoadAverage()
    {
        try
        {
            return double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return double.NaN;
        }
    }

    private static int ParentProcessId()
    {
        try
        {
            var stat = File.ReadAllText("/proc/self/stat");
            return int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return 0;
        }
    }
}
#endif
