using System.Diagnostics;

namespace CvM.TestSupport;

/// <summary>Result of an external peer run: exit code and captured output.</summary>
public sealed record ProcessResult(int ExitCode, string StdOut, string StdErr);

/// <summary>Runs test peers (Node.js scripts, C++ programs, idlc) with a timeout and captured output.</summary>
public static class ExternalProcess
{
    /// <summary>Runs <paramref name="file"/> and waits at most <paramref name="timeout"/>; kills it on timeout.</summary>
    public static ProcessResult Run(string file, IEnumerable<string> args, string? workingDirectory = null,
        string? stdin = null, TimeSpan? timeout = null, IDictionary<string, string>? environment = null)
    {
        var psi = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = stdin is not null,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? RepoPaths.Root,
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        if (environment is not null)
            foreach (var (k, v) in environment) psi.Environment[k] = v;
        using var p = Process.Start(psi) ?? throw new InvalidOperationException("could not start " + file);
        var stdoutTask = p.StandardOutput.ReadToEndAsync();
        var stderrTask = p.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            p.StandardInput.Write(stdin);
            p.StandardInput.Close();
        }
        if (!p.WaitForExit(timeout ?? TimeSpan.FromMinutes(2)))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', args)} did not finish in time");
        }
        return new ProcessResult(p.ExitCode, stdoutTask.Result, stderrTask.Result);
    }

    /// <summary>True when <paramref name="name"/> is an executable on PATH.</summary>
    public static bool OnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':')
            .Any(d => d.Length > 0 && File.Exists(Path.Combine(d, name)));
}
