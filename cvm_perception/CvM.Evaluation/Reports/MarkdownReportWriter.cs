using System.Globalization;
using System.Text;
using CvM.Evaluation.Driver;
using CvM.Evaluation.Metrics;

namespace CvM.Evaluation.Reports;

/// <summary>Writes an <see cref="EvaluationReport"/> as Markdown tables for people (the JSON has every number).</summary>
public static class MarkdownReportWriter
{
    /// <summary>Writes the report to <paramref name="path"/> (overwritten); <paramref name="images"/> are linked relative to it.</summary>
    public static void Write(EvaluationReport report, string path, IEnumerable<string>? images = null) =>
        File.WriteAllText(path, Render(report, images ?? []));

    /// <summary>The Markdown text of the report.</summary>
    public static string Render(EvaluationReport report, IEnumerable<string> images)
    {
        var o = report.Options;
        var sb = new StringBuilder();
        Line(sb, $"# Depth evaluation: {report.Dataset}");
        Line(sb, "");
        Line(sb, $"{report.FrameCount} frames ({report.FramesWithPose} with a camera pose), run {report.GeneratedUtc:yyyy-MM-dd HH:mm} UTC in {report.ElapsedSeconds:0.0} s.");
        Line(sb, $"Valid pixels: ground truth > 0, finite, inside [{o.Range.MinM:0.##}, {o.Range.MaxM:0.##}] m. Predictions: NaN = missing (left out, counted), other values clamped to that range (counted).");
        Line(sb, "Deltas are percentages of valid pixels with max(pred/gt, gt/pred) < 1.25^k. AbsRel, SqRel, RMSE in the usual (Eigen et al.) sense; RMSE and SqRel in metres.");
        Line(sb, "");
        Line(sb, "## Summary: mean of per-frame metrics (each frame weighs the same)");
        Line(sb, "");
        MetricsTable(sb, report.Sources.Select(s => (s, s.MeanOfFrames)));
        Line(sb, "");
        Line(sb, "## Summary: all valid pixels of all frames pooled");
        Line(sb, "");
        MetricsTable(sb, report.Sources.Select(s => (s, s.Pooled)));
        Line(sb, "");
        Line(sb, "## Depth sources");
        Line(sb, "");
        Line(sb, "| source | kind | what it is | frames predicted | skipped | coverage | clamped | predict time |");
        Line(sb, "|---|---|---|---:|---:|---:|---:|---:|");
        foreach (var s in report.Sources)
        {
            double coverage = s.Counts.ValidGroundTruth == 0 ? double.NaN
                : 1 - s.Counts.MissingPrediction / (double)s.Counts.ValidGroundTruth;
            double clamped = s.Counts.ValidGroundTruth == 0 ? double.NaN : s.Counts.ClampedPrediction / (double)s.Counts.ValidGroundTruth;
            Line(sb, $"| {s.Name} | {s.Kind} | {s.Description} | {s.Frames.Count - s.SkippedFrames} | {s.SkippedFrames} | {Pct(coverage)} | {Pct(clamped)} | {s.PredictSeconds:0.000} s |");
        }
        Line(sb, "");
        if (o.ConsistencyNeighbourOffset > 0)
        {
            Line(sb, $"## Multi-view consistency (each frame's prediction reprojected into the frame {o.ConsistencyNeighbourOffset} before)");
            Line(sb, "");
            Line(sb, "AbsRel-style error |z - d_neighbour| / d_neighbour over co-visible pixels; occlusions not modelled. The ground-truth row is what the depth sensor itself scores (noise, occlusion, pose error): the practical floor. Consistency is not accuracy: a constant depth is nearly self-consistent under small camera motion, so read this table next to the accuracy tables.");
            Line(sb, "");
            Line(sb, "| depth | AbsRel | under 5 % | co-visible | pixels |");
            Line(sb, "|---|---:|---:|---:|---:|");
            ConsistencyRow(sb, "ground truth (reference)", report.GroundTruthConsistency);
            foreach (var s in report.Sources) ConsistencyRow(sb, s.Name, s.Consistency);
            Line(sb, "");
        }
        Line(sb, "## Per-frame AbsRel");
        Line(sb, "");
        Line(sb, "| frame | " + string.Join(" | ", report.Sources.Select(s => s.Name)) + " |");
        Line(sb, "|---:|" + string.Concat(report.Sources.Select(_ => "---:|")));
        for (int i = 0; i < report.FrameCount; i++)
        {
            var cells = report.Sources.Select(s => i < s.Frames.Count && s.Frames[i].Predicted ? F(s.Frames[i].Metrics.AbsRel) : "skipped");
            Line(sb, $"| {i} | " + string.Join(" | ", cells) + " |");
        }
        var imageList = images.ToList();
        if (imageList.Count > 0)
        {
            Line(sb, "");
            Line(sb, "## Plots and previews");
            Line(sb, "");
            foreach (var img in imageList) Line(sb, $"![{Path.GetFileNameWithoutExtension(img)}]({img})");
        }
        return sb.ToString();
    }

    private static void MetricsTable(StringBuilder sb, IEnumerable<(DepthSourceResult Source, DepthMetrics M)> rows)
    {
        Line(sb, "| source | kind | AbsRel | SqRel | RMSE | RMSE log | δ<1.25 | δ<1.25² | δ<1.25³ | pixels |");
        Line(sb, "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (s, m) in rows)
            Line(sb, $"| {s.Name} | {s.Kind} | {F(m.AbsRel)} | {F(m.SqRel)} | {F(m.Rmse)} | {F(m.RmseLog)} | {Pct(m.Delta1)} | {Pct(m.Delta2)} | {Pct(m.Delta3)} | {m.Pixels} |");
    }

    private static void ConsistencyRow(StringBuilder sb, string name, ConsistencySums c) =>
        Line(sb, $"| {name} | {F(c.MeanAbsRel)} | {Pct(c.FractionUnder5Percent)} | {Pct(c.CoVisibleFraction)} | {c.CoVisible} |");

    internal static string F(double v) => double.IsFinite(v) ? v.ToString("0.0000", CultureInfo.InvariantCulture) : "n/a";

    internal static string Pct(double v) => double.IsFinite(v) ? (100 * v).ToString("0.00", CultureInfo.InvariantCulture) + " %" : "n/a";

    private static void Line(StringBuilder sb, string s) => sb.Append(s).Append('\n');
}
