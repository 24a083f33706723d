using CvM.Evaluation.Reports;

namespace CvM.Evaluation.Tests.Reports;

public class ConsoleProgressBarTests
{
    [Fact]
    public void Format_HalfDone_ShowsBarRateAndEta()
    {
        // 10 of 25 frames in 5 s: 2.0 fps, 15 frames left -> 7.5 s -> "0:07"; 30 * 10/25 = 12 '#'.
        var bar = new ConsoleProgressBar(TextWriter.Null, interactive: true, "eval", () => TimeSpan.FromSeconds(5));
        bar.Start(25);
        Assert.Equal("eval [############..................] 10/25 2.0 fps ETA 0:07", bar.Format(10, TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public void Report_NotATerminal_WritesPlainLinesEveryTenPercent()
    {
        var sw = new StringWriter();
        var bar = new ConsoleProgressBar(sw, interactive: false, "eval", () => TimeSpan.FromSeconds(1));
        bar.Start(25);
        for (int i = 1; i <= 25; i++) bar.Report(i);
        bar.Finish(25);
        var lines = sw.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        // start line + one per 10 % step (steps 0..10 reached by done = 1,3,5,8,10,13,15,18,20,23,25) + finish line.
        Assert.Equal(13, lines.Length);
        Assert.DoesNotContain('\r', sw.ToString());
        Assert.EndsWith("25/25 25.0 fps ETA 0:00 done", lines[^1]);
    }

    [Fact]
    public void Report_Terminal_RedrawsInPlace()
    {
        var sw = new StringWriter();
        var bar = new ConsoleProgressBar(sw, interactive: true, "eval", () => TimeSpan.FromSeconds(2));
        bar.Start(null);
        bar.Report(4);
        Assert.EndsWith("\reval 4 2.0 fps", sw.ToString());
    }
}
