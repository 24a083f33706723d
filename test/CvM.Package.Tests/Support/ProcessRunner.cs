using System.Diagnostics;
using System.Text;
using CvM.TestSupport;

namespace CvM.Package.Tests.Support;

/// <summary>
/// Runs a build tool (colcon, the installed node) from inside the test host: the MSBuild/VSTest variables the test
/// host inherited are removed (a nested <c>dotnet publish</c> must not pick up the outer build's MSBuild), output
/// is captured with a cap, and the whole process tree is killed on timeout.
/// </summary>
internal static class ProcessRunner
{
    private const int MaxCapturedChars = 200_000;

    public static ProcessStartInfo StartInfo(string file, IEnumerable<string> args, string workingDirectory,
        IDictionary<string, string>? environment = null)
    {
        var psi = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        foreach (var key in psi.Environment.Keys.ToList())
        {
            if (key.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || key.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)
                || key is "DOTNET_HOST_PATH" or "MSBUILDNOINPROCNODE")
                psi.Environment.Remove(key);
        }
        if (environment is not null)
            foreach (var (k, v) in environment) psi.Environment[k] = v;
        return psi;
    }

    public static (ProcessResult Result, TimeSpan Elapsed) Run(string file, IEnumerable<string> args, string workingDirectory,
        TimeSpan timeout, IDictionary<string, string>? environment = null)
    {
        var psi = StartInfo(file, args, workingDirectory, environment);
        var stopwatch = Stopwatch.StartNew();
        using var p = Process.Start(psi) ?? throw new InvalidOperationException("could not start " + file);
        p.StandardInput.Close();
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        p.OutputDataReceived += (_, e) => Append(stdout, e.Data);
        p.ErrorDataReceived += (_, e) => Append(stderr, e.Data);
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        if (!p.WaitForExit(timeout))
        {
            p.Kill(entireProcessTree: true);
            p.WaitForExit();
            throw new TimeoutException($"{file} {string.Join(' ', args)} did not finish in {timeout}:\n{Tail(stdout)}\n{Tail(stderr)}");
        }
        p.WaitForExit();
        return (new ProcessResult(p.ExitCode, stdout.ToString(), stderr.ToString()), stopwatch.Elapsed);
    }

    public static string Tail(StringBuilder sb)
    {
        lock (sb) return sb.Length <= 6000 ? sb.ToString() : sb.ToString(sb.Length - 6000, 6000);
    }

    public static string Tail(string s) => s.Length <= 6000 ? s : s[^6000..];

    private static void Append(StringBuilder sb, string? line)
    {
        if (line is null) return;
        lock (sb)
        {
            if (sb.Length < MaxCapturedChars) sb.AppendLine(line);
        }
    }
}
