using System.Diagnostics;
using System.Globalization;
using CvM.Ros.Dds;

namespace CvM.LiveBench;

/// <summary>
/// The node under test as a child process (<c>dotnet cvm_perception.dll node</c>) on its own domain with a
/// 127.0.0.1-only Cyclone config passed through <c>CYCLONEDDS_URI</c>. Owns the process and the config file.
/// </summary>
internal sealed class NodeProcess : IDisposable
{
    private readonly Process _process;
    private readonly string _configPath;
    private readonly StreamWriter _log;

    private NodeProcess(Process process, string configPath, StreamWriter log)
    {
        _process = process;
        _configPath = configPath;
        _log = log;
    }

    public int Pid => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public static NodeProcess Start(string repoRoot, uint domainId, string device, IReadOnlyList<string> environment, string logPath)
    {
        var dll = Path.Combine(repoRoot, "cvm_perception", "CvM.Node", "bin", "Release", "net10.0", "cvm_perception.dll");
        if (!File.Exists(dll)) throw new FileNotFoundException("node not built (dotnet build cvm_perception/CvM.Node -c Release)", dll);
        var configPath = Path.Combine(Path.GetTempPath(), $"cvm_livebench_{Environment.ProcessId}_{domainId}.xml");
        File.WriteAllText(configPath, CycloneConfig.Loopback.ToXml(domainId));
        var psi = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = repoRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { dll, "node", "--ros-args", "-p", "device:=" + device, "-p", "diagnostics_period_s:=0.5" })
            psi.ArgumentList.Add(a);
        foreach (var kv in environment)
        {
            var eq = kv.IndexOf('=', StringComparison.Ordinal);
            psi.Environment[kv[..eq]] = kv[(eq + 1)..];
        }
        // after the user environment, so the 127.0.0.1-only config can never be overridden
        psi.Environment["CYCLONEDDS_URI"] = "file://" + configPath;
        psi.Environment["ROS_DOMAIN_ID"] = domainId.ToString(CultureInfo.InvariantCulture);
        var log = new StreamWriter(logPath) { AutoFlush = true };
        var p = Process.Start(psi) ?? throw new InvalidOperationException("could not start the node");
        p.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        p.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine("ERR " + e.Data); };
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        return new NodeProcess(p, configPath, log);
    }

    /// <summary>VmRSS of the node in KiB from /proc/PID/status; -1 when it cannot be read (process gone).</summary>
    public long VmRssKiB()
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{Pid}/status"))
            {
                if (!line.StartsWith("VmRSS:", StringComparison.Ordinal)) continue;
                var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                return long.Parse(parts[1], CultureInfo.InvariantCulture);
            }
        }
        catch (IOException)
        {
        }
        return -1;
    }

    /// <summary>SIGTERM, then waits; true when the node exited by itself with code 0 within the timeout.</summary>
    public bool Stop(TimeSpan timeout)
    {
        if (_process.HasExited) return false;
        using (var kill = Process.Start("kill", ["-TERM", Pid.ToString(CultureInfo.InvariantCulture)])) kill.WaitForExit();
        if (_process.WaitForExit(timeout)) return _process.ExitCode == 0;
        _process.Kill(true);
        _process.WaitForExit();
        return false;
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(true);
        _process.Dispose();
        lock (_log) _log.Dispose();
        File.Delete(_configPath);
    }
}
