using System.Text.Json;
using CvM.Evaluation.Driver;
using CvM.Evaluation.Reports;
using CvM.Evaluation.Sources;
using CvM.Evaluation.Tests.Driver;
using SkiaSharp;

namespace CvM.Evaluation.Tests.Reports;

public sealed class ReportWriterTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "cvm-eval-test-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }

    private static EvaluationReport Report() => DepthEvaluationRunner.Run(new TiltedPlaneSequence(),
        [ConstantDepthSource.Fixed(2.5f), new PreviousFrameDepthSource()], EvaluationOptions.Indoor with { PreviewCount = 1 });

    [Fact]
    public void WriteAll_JsonHoldsTheReportsNumbersAndNullForSkipped()
    {
        var report = Report();
        var files = ReportWriter.WriteAll(report, _dir, PreviewStyle.Indoor with { Downsample = 1 });
        using var doc = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(_dir, "report.json")));
        var root = doc.RootElement;
        Assert.Equal(6, root.GetProperty("frameCount").GetInt32());
        var sources = root.GetProperty("sources");
        Assert.Equal(2, sources.GetArrayLength());
        var constant = sources[0];
        Assert.Equal("constant-fixed", constant.GetProperty("name").GetString());
        Assert.Equal(report.Sources[0].Pooled.AbsRel, constant.GetProperty("pooledPixels").GetProperty("absRel").GetDouble(), 12);
        Assert.Equal(report.Sources[0].MeanOfFrames.Rmse, constant.GetProperty("meanOfFrames").GetProperty("rmse").GetDouble(), 12);
        Assert.Equal(report.Sources[0].Pooled.Pixels, constant.GetProperty("pooledPixels").GetProperty("pixels").GetInt64());
        var previous = sources[1];
        Assert.Equal("OracleReference", previous.GetProperty("kind").GetString());
        var frame0 = previous.GetProperty("frames")[0];
        Assert.False(frame0.GetProperty("predicted").GetBoolean());
        Assert.Equal(JsonValueKind.Null, frame0.GetProperty("metrics").GetProperty("absRel").ValueKind);
        Assert.Equal(20, constant.GetProperty("depthBins").GetArrayLength());
        Assert.All(files, f => Assert.True(File.Exists(f), f));
    }

    [Fact]
    public void WriteAll_PreviewPanelsShowRgbAndGroundTruthColours()
    {
        var report = Report();
        ReportWriter.WriteAll(report, _dir, PreviewStyle.Indoor with { Downsample = 1 });
        var preview = report.Previews[0];
        string path = Path.Combine(_dir, $"preview_constant-fixed_{preview.Index:D4}.png");
        using var bmp = SKBitmap.Decode(path);
        Assert.Equal(4 * 32, bmp.Width);
        Assert.Equal(24 + PreviewWriter.CaptionHeight, bmp.Height);
        // RGB panel: pixel (5, 7) of the frame, byte for byte.
        int i = 7 * 32 + 5;
        var c = bmp.GetPixel(5, 7 + PreviewWriter.CaptionHeight);
        Assert.Equal((preview.Rgb8[3 * i], preview.Rgb8[3 * i + 1], preview.Rgb8[3 * i + 2]), (c.Red, c.Green, c.Blue));
        // Ground-truth panel: Turbo at depth / 5 m (the default scale 0..5 m).
        var turbo = new ScottPlot.Colormaps.Turbo().GetColor(Math.Round(preview.GroundTruthDepthM[i] / 5.0 * 255) / 255);
        var g = bmp.GetPixel(32 + 5, 7 + PreviewWriter.CaptionHeight);
        Assert.Equal((turbo.R, turbo.G, turbo.B), (g.Red, g.Green, g.Blue));
        // Pixel 0 has no ground truth: black in the ground-truth and error panels.
        Assert.Equal(SKColors.Black, bmp.GetPixel(32, PreviewWriter.CaptionHeight));
        Assert.Equal(SKColors.Black, bmp.GetPixel(96, PreviewWriter.CaptionHeight));
    }

    [Fact]
    public void WriteAll_PlotsArePngsOfTheStatedSize()
    {
        ReportWriter.WriteAll(Report(), _dir);
        foreach (var name in new[] { "per_frame_error.png", "error_vs_depth.png" })
        {
            using var bmp = SKBitmap.Decode(Path.Combine(_dir, name));
            Assert.Equal(PlotWriter.Width, bmp.Width);
            Assert.Equal(PlotWriter.Height, bmp.Height);
            // Not a blank canvas: more than a handful of distinct colours.
            Assert.True(bmp.Pixels.Distinct().Count() > 10, name);
        }
    }

    [Fact]
    public void Markdown_HasTablesWithFormattedNumbers()
    {
        var report = Report();
        string md = MarkdownReportWriter.Render(report, ["per_frame_error.png"]);
        Assert.Contains("| source | kind | AbsRel | SqRel | RMSE | RMSE log | δ<1.25 |", md);
        Assert.Contains($"| constant-fixed | Baseline | {report.Sources[0].MeanOfFrames.AbsRel:0.0000} |", md);
        Assert.Contains("| 0 | " + $"{report.Sources[0].Frames[0].Metrics.AbsRel:0.0000} | skipped |", md);
        Assert.Contains("![per_frame_error](per_frame_error.png)", md);
        Assert.Contains("ground truth (reference)", md);
    }

    [Fact]
    public void ConfusionMatrix_WritesSquarePng()
    {
        var c = new CvM.Evaluation.Metrics.SemanticConfusion();
        c.Add([1, 1, 2, 2, 3, 12], [1, 2, 2, 2, 3, 5]);
        Directory.CreateDirectory(_dir);
        string path = Path.Combine(_dir, "confusion.png");
        PlotWriter.ConfusionMatrix(c, path);
        using var bmp = SKBitmap.Decode(path);
        Assert.Equal(PlotWriter.Width, bmp.Width);
        Assert.Equal(PlotWriter.Width, bmp.Height);
        Assert.True(bmp.Pixels.Distinct().Count() > 10);
    }
}
