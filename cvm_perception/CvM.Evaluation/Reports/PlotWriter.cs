using CvM.Evaluation.Driver;
using CvM.Evaluation.Metrics;
using ScottPlot;

namespace CvM.Evaluation.Reports;

/// <summary>PNG plots of an evaluation made with ScottPlot (rendered headless through SkiaSharp).</summary>
public static class PlotWriter
{
    /// <summary>Width of the plots (pixels).</summary>
    public const int Width = 900;
    /// <summary>Height of the plots (pixels).</summary>
    public const int Height = 500;

    /// <summary>Per-frame AbsRel and RMSE against frame time (seconds from the first frame), one line per source.</summary>
    public static void PerFrameError(EvaluationReport report, string path)
    {
        var plot = new Plot();
        long t0 = report.Sources.SelectMany(s => s.Frames).Select(f => f.StampNs).DefaultIfEmpty(0).Min();
        foreach (var s in report.Sources)
        {
            var frames = s.Frames.Where(f => f.Predicted && double.IsFinite(f.Metrics.AbsRel)).ToArray();
            if (frames.Length == 0) continue;
            var xs = frames.Select(f => (f.StampNs - t0) * 1e-9).ToArray();
            var sc = plot.Add.Scatter(xs, frames.Select(f => f.Metrics.AbsRel).ToArray());
            sc.LegendText = $"{s.Name} AbsRel";
        }
        plot.Title($"Per-frame AbsRel over time: {report.Dataset}");
        plot.XLabel("time since first frame (s)");
        plot.YLabel("AbsRel");
        plot.ShowLegend();
        plot.SavePng(path, Width, Height);
    }

    /// <summary>AbsRel against ground-truth depth (binned, pooled pixels), one line per source; empty bins left out.</summary>
    public static void ErrorAgainstDepth(EvaluationReport report, string path)
    {
        var plot = new Plot();
        foreach (var s in report.Sources)
        {
            var xs = new List<double>();
            var ys = new List<double>();
            for (int b = 0; b < s.Bins.Count; b++)
            {
                if (s.Bins[b].Count == 0) continue;
                xs.Add(s.Bins.CenterM(b));
                ys.Add(s.Bins[b].ToMetrics().AbsRel);
            }
            if (xs.Count == 0) continue;
            var sc = plot.Add.Scatter(xs.ToArray(), ys.ToArray());
            sc.LegendText = s.Name;
        }
        plot.Title($"AbsRel against ground-truth depth ({report.Options.DepthBinCount} bins; last bin holds all deeper pixels)");
        plot.XLabel("ground-truth depth (m, bin centre)");
        plot.YLabel("AbsRel");
        plot.ShowLegend();
        plot.SavePng(path, Width, Height);
    }

    /// <summary>
    /// Confusion-matrix heatmap, rows = ground truth, columns = prediction, each row normalised to its ground-truth
    /// pixel count (rows without pixels are NaN and drawn grey). <paramref name="classNames"/> holds names for ids
    /// 0..ClassCount (index 0 = void), defaulting to the NYUv2 13-class names.
    /// </summary>
    public static void ConfusionMatrix(SemanticConfusion confusion, string path, IReadOnlyList<string>? classNames = null)
    {
        int k = confusion.ClassCount;
        var names = classNames ?? (k == NyuClasses.Count13 ? NyuClasses.Names13 : Enumerable.Range(0, k + 1).Select(i => i.ToString()).ToArray());
        var data = new double[k, k];
        for (int g = 1; g <= k; g++)
        {
            long rowTotal = confusion.GroundTruthPixels(g);
            for (int p = 1; p <= k; p++)
                data[g - 1, p - 1] = rowTotal == 0 ? double.NaN : confusion[g, p] / (double)rowTotal;
        }
        var plot = new Plot();
        var hm = plot.Add.Heatmap(data);
        hm.Colormap = new ScottPlot.Colormaps.Viridis();
        hm.ManualRange = new ScottPlot.Range(0, 1);
        hm.NaNCellColor = Colors.LightGray;
        plot.Add.ColorBar(hm);
        // Heatmap row 0 is drawn at the top: cell centres are x = column, y = k - 1 - row.
        var ticksX = new ScottPlot.TickGenerators.NumericManual();
        var ticksY = new ScottPlot.TickGenerators.NumericManual();
        for (int c = 0; c < k; c++)
        {
            ticksX.AddMajor(c, names[c + 1]);
            ticksY.AddMajor(k - 1 - c, names[c + 1]);
        }
        plot.Axes.Bottom.TickGenerator = ticksX;
        plot.Axes.Left.TickGenerator = ticksY;
        plot.Axes.Bottom.TickLabelStyle.Rotation = 45;
        plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleLeft;
        plot.Axes.Bottom.MinimumSize = 110; // room for the rotated class names above the axis label
        plot.Title($"Confusion matrix (row-normalised), mIoU {MarkdownReportWriter.F(confusion.MeanIoU())}, pixel acc. {MarkdownReportWriter.Pct(confusion.PixelAccuracy())}");
        plot.XLabel("predicted");
        plot.YLabel("ground truth");
        plot.SavePng(path, Width, Width);
    }
}
