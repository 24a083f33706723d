using System.Diagnostics;
using System.Text;

namespace CvM.Package.Tests.Support;

/// <summary>
/// Starts the installed node with a launch-derived argv, waits until its stdout shows <c>readyMarker</c>, sends
/// SIGINT (as <c>ros2 launch</c> does on Ctrl-C) and collects the exit code and output.
/// </summary>
internal sealed record InstalledNodeRun(bool Ready, int ExitCode, string StdOut, string StdErr)
{
    private static readonly TimeSpan SettleAfterReady = TimeSpan.FromSeconds(2);

    public string Describe() => $"exit {ExitCode}\n--- stdout ---\n{ProcessRunner.Tail(StdOut)}\n--- stderr ---\n{ProcessRunner.Tail(StdErr)}";

    public static InstalledNodeRun StartAndInterrupt(IReadOnlyList<string> argv, string workingDirectory,
        IDictionary<string, string> environment, string readyMarker, TimeSpan timeout)
    {
        var psi = ProcessRunner.StartInfo(argv[0], argv.Skip(1), workingDirectory, environment);
        using var p = Process.Start(psi) ?? throw new InvalidOperationException("could not start " + argv[0]);
        p.StandardInput.Close();
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        using var ready = new ManualResetEventSlim();
        p.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (stdout) stdout.AppendLine(e.Data);
            if (e.Data.Contains(readyMarker, StringComparison.Ordinal)) ready.Set();
        };
        p.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (stderr) stderr.AppendLine(e.Data);
        };
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        var clock = Stopwatch.StartNew();
        while (!ready.IsSet && !p.HasExited && clock.Elapsed < timeout) ready.Wait(TimeSpan.FromMilliseconds(200));
        var isReady = ready.IsSet;
        // The node registers its SIGINT/SIGTERM handlers just after printing the provider line (NodeVerb); a signal
        // in between ends it with the runtime's default (exit 130). Give it that moment.
        if (isReady) Thread.Sleep(SettleAfterReady);
        if (!p.HasExited)
        {
            using var kill = Process.Start(new ProcessStartInfo("kill", ["-INT", p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false });
            kill?.WaitForExit();
        }
        if (!p.WaitForExit(TimeSpan.FromSeconds(30)))
        {
            p.Kill(entireProcessTree: true);
            p.WaitForExit();
            return new InstalledNodeRun(isReady, -1, Text(stdout), Text(stderr) + "\n(killed: no exit 30 s after SIGINT)");
        }
        p.WaitForExit();
        return new InstalledNodeRun(isReady, p.ExitCode, Text(stdout), Text(stderr));
    }

    private static string Text(StringBuilder sb)
    {
        lock (sb) return sb.ToString();
    }
}
