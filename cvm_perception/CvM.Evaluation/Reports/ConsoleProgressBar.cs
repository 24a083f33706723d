using System.Diagnostics;
using System.Globalization;
using CvM.Evaluation.Driver;

namespace CvM.Evaluation.Reports;

/// <summary>
/// A console progress bar: frames done / total, rate (frames/s) and ETA. On a terminal it redraws one line in
/// place (carriage return); when output is redirected (a file, CI log) it degrades to plain lines, one per
/// <see cref="PlainLineEveryPercent"/> percent (or every <see cref="PlainLineEveryFrames"/> frames when the total is
/// unknown). Writes only to the <see cref="TextWriter"/> it was given; does not own it.
/// </summary>
public sealed class ConsoleProgressBar : IEvaluationProgress
{
    /// <summary>Characters of the bar itself.</summary>
    public const int BarWidth = 30;
    /// <summary>Plain mode: a line each time this percentage is passed.</summary>
    public const int PlainLineEveryPercent = 10;
    /// <summary>Plain mode without a known total: a line every this many frames.</summary>
    public const int PlainLineEveryFrames = 10;

    private readonly TextWriter _out;
    private readonly bool _interactive;
    private readonly string _label;
    private readonly Func<TimeSpan> _clock;
    private readonly Action? _startClock;
    private int? _total;
    private int _lastPlainStep = -1;

    /// <summary>Creates a bar writing to <paramref name="output"/>; <paramref name="interactive"/> picks in-place redraw.</summary>
    /// <param name="output">where to write.</param>
    /// <param name="interactive">true for a terminal (in-place redraw), false for plain lines.</param>
    /// <param name="label">text before the bar.</param>
    /// <param name="clock">elapsed-time source (tests pass a fake); default a stopwatch started at <see cref="Start"/>.</param>
    public ConsoleProgressBar(TextWriter output, bool interactive, string label = "eval", Func<TimeSpan>? clock = null)
    {
        _out = output;
        _interactive = interactive;
        _label = label;
        if (clock is null)
        {
            var sw = new Stopwatch();
            _clock = () => sw.Elapsed;
            _startClock = sw.Restart;
        }
        else _clock = clock;
    }

    /// <summary>A bar on the process's standard output, interactive unless output is redirected.</summary>
    public static ConsoleProgressBar ForConsole(string label = "eval") => new(Console.Out, !Console.IsOutputRedirected, label);

    /// <inheritdoc/>
    public void Start(int? total)
    {
        _total = total;
        _lastPlainStep = -1;
        _startClock?.Invoke();
        if (!_interactive) _out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{_label}: started, {(total?.ToString(CultureInfo.InvariantCulture) ?? "unknown")} frames"));
        else Report(0);
    }

    /// <inheritdoc/>
    public void Report(int done)
    {
        if (_interactive)
        {
            _out.Write('\r' + Format(done, _clock()));
            _out.Flush();
            return;
        }
        int step = _total is > 0 ? done * 100 / _total.Value / PlainLineEveryPercent : done / PlainLineEveryFrames;
        if (step == _lastPlainStep) return;
        _lastPlainStep = step;
        _out.WriteLine(Format(done, _clock()));
    }

    /// <inheritdoc/>
    public void Finish(int done)
    {
        var line = Format(done, _clock()) + " done";
        if (_interactive) _out.WriteLine('\r' + line);
        else _out.WriteLine(line);
        _out.Flush();
    }

    /// <summary>The text of one progress line (no carriage return), e.g. <c>eval [#####.....] 12/25 3.4 fps ETA 0:04</c>.</summary>
    public string Format(int done, TimeSpan elapsed)
    {
        double secs = elapsed.TotalSeconds;
        double rate = secs > 0 ? done / secs : 0;
        string count = _total is { } t ? $"{done}/{t}" : $"{done}";
        string bar = "";
        string eta = "";
        if (_total is > 0)
        {
            int filled = (int)Math.Round(BarWidth * Math.Clamp(done / (double)_total.Value, 0, 1));
            bar = "[" + new string('#', filled) + new string('.', BarWidth - filled) + "] ";
            eta = rate > 0 ? " ETA " + FormatDuration(TimeSpan.FromSeconds(Math.Max(0, _total.Value - done) / rate)) : " ETA ?";
        }
        return string.Create(CultureInfo.InvariantCulture, $"{_label} {bar}{count} {rate:0.0} fps{eta}");
    }

    private static string FormatDuration(TimeSpan t) =>
        t.TotalHours >= 1 ? t.ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture) : t.ToString(@"m\:ss", CultureInfo.InvariantCulture);
}
