using System.Diagnostics;
using System.Text.Json;

namespace CvM.Ros.Tests.Interop;

/// <summary>
/// A running peer process whose stdout is one JSON object per line. Lines are collected on a background
/// reader; tests wait for a line matching a predicate, then stop the peer (closing its stdin, which the peer
/// watches with <c>--stdin-quit</c>) or let it finish. Disposing kills a peer that is still running.
/// </summary>
internal sealed class PeerProcess : IDisposable
{
    private readonly Process _process;
    private readonly List<JsonElement> _lines = [];
    private readonly List<string> _stderr = [];
    private readonly object _gate = new();
    private readonly TaskCompletionSource _stdoutDone = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private PeerProcess(Process process)
    {
        _process = process;
    }

    /// <summary>Starts <paramref name="file"/> with stdin redirected (kept open until <see cref="CloseStdin"/>).</summary>
    public static PeerProcess Start(string file, IEnumerable<string> args)
    {
        var psi = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        var process = new Process { StartInfo = psi };
        var peer = new PeerProcess(process);
        process.OutputDataReceived += (_, e) => peer.OnStdout(e.Data);
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (peer._gate) peer._stderr.Add(e.Data);
        };
        if (!process.Start()) throw new InvalidOperationException("could not start " + file);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return peer;
    }

    /// <summary>The peer's process id.</summary>
    public int ProcessId => _process.Id;

    /// <summary>All JSON lines printed so far (a snapshot).</summary>
    public IReadOnlyList<JsonElement> Lines
    {
        get
        {
            lock (_gate) return _lines.ToArray();
        }
    }

    /// <summary>Lines whose <c>event</c> property equals <paramref name="eventName"/>.</summary>
    public IReadOnlyList<JsonElement> Events(string eventName) =>
        Lines.Where(l => l.TryGetProperty("event", out var e) && e.GetString() == eventName).ToArray();

    /// <summary>The peer's stderr and stdout, for failure messages.</summary>
    public string Transcript
    {
        get
        {
            lock (_gate)
                return string.Join('\n', _lines.Select(l => l.GetRawText())) + "\nstderr:\n" + string.Join('\n', _stderr);
        }
    }

    /// <summary>Waits until a line satisfies <paramref name="predicate"/>; returns it, or throws on timeout or exit.</summary>
    public JsonElement WaitFor(Func<JsonElement, bool> predicate, TimeSpan timeout, string what) =>
        WaitFor(predicate, timeout, what, fromLine: 0);

    /// <summary>
    /// Like <see cref="WaitFor(Func{JsonElement, bool}, TimeSpan, string)"/>, but only lines at index
    /// <paramref name="fromLine"/> or later count (take <see cref="Lines"/>.Count before causing what is awaited).
    /// </summary>
    public JsonElement WaitFor(Func<JsonElement, bool> predicate, TimeSpan timeout, string what, int fromLine)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var hit = Lines.Skip(fromLine).FirstOrDefault(predicate);
            if (hit.ValueKind != JsonValueKind.Undefined) return hit;
            if (_stdoutDone.Task.IsCompleted)
                throw new InvalidOperationException($"peer exited before {what}:\n{Transcript}");
            if (watch.Elapsed > timeout)
                throw new TimeoutException($"peer printed no {what} within {timeout.TotalSeconds:F0} s:\n{Transcript}");
            Thread.Sleep(10);
        }
    }

    /// <summary>Waits for the first line with <c>event == eventName</c>.</summary>
    public JsonElement WaitForEvent(string eventName, TimeSpan timeout) =>
        WaitFor(l => l.TryGetProperty("event", out var e) && e.GetString() == eventName, timeout, $"'{eventName}' line");

    /// <summary>Writes one line to the peer's stdin (e.g. <c>go</c> for a peer started with <c>--wait-go</c>).</summary>
    public void SendLine(string line)
    {
        _process.StandardInput.WriteLine(line);
        _process.StandardInput.Flush();
    }

    /// <summary>Closes the peer's stdin (a peer started with <c>--stdin-quit</c> then finishes).</summary>
    public void CloseStdin()
    {
        try
        {
            _process.StandardInput.Close();
        }
        catch (IOException)
        {
            // already exited
        }
    }

    /// <summary>Waits for exit and for all output; returns the exit code. Kills the peer on timeout and throws.</summary>
    public int WaitForExit(TimeSpan timeout)
    {
        if (!_process.WaitForExit(timeout))
        {
            _process.Kill(entireProcessTree: true);
            throw new TimeoutException($"peer did not exit within {timeout.TotalSeconds:F0} s:\n{Transcript}");
        }
        _process.WaitForExit(); // drains the asynchronous output readers
        _stdoutDone.Task.Wait(TimeSpan.FromSeconds(5));
        return _process.ExitCode;
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // never started or already gone
        }
        _process.Dispose();
    }

    private void OnStdout(string? line)
    {
        if (line is null)
        {
            _stdoutDone.TrySetResult();
            return;
        }
        if (line.Length == 0) return;
        JsonElement element;
        try
        {
            using var doc = JsonDocument.Parse(line);
            element = doc.RootElement.Clone();
        }
        catch (JsonException)
        {
            lock (_gate) _stderr.Add("(non-JSON stdout) " + line);
            return;
        }
        lock (_gate) _lines.Add(element);
    }
}
