using System.Globalization;
using System.Text;
using System.Text.Json;
using CvM.Evaluation.Metrics;

namespace CvM.Evaluation.Reports;

/// <summary>
/// Reports of the semantic and normal tasks: <c>tasks.json</c> (confusion matrix, per-class IoU, mIoU, pixel
/// accuracy, normal metrics; NaN as null), <c>tasks.md</c> (tables) and <c>confusion_matrix.png</c>.
/// Either part may be absent (null) when the frame source has no such ground truth.
/// </summary>
public static class DenseTaskReportWriter
{
    /// <summary>Writes the files into <paramref name="outDir"/> (created when missing); returns the paths written.</summary>
    public static IReadOnlyList<string> WriteAll(SemanticConfusion? semantics, NormalMetrics? normals, string outDir,
        IReadOnlyList<string>? classNames = null)
    {
        Directory.CreateDirectory(outDir);
        var written = new List<string>();
        string json = Path.Combine(outDir, "tasks.json");
        using (var stream = File.Create(json)) WriteJson(semantics, normals, stream, classNames);
        written.Add(json);
        string md = Path.Combine(outDir, "tasks.md");
        File.WriteAllText(md, RenderMarkdown(semantics, normals, classNames));
        written.Add(md);
        if (semantics is not null)
        {
            string png = Path.Combine(outDir, "confusion_matrix.png");
            PlotWriter.ConfusionMatrix(semantics, png, classNames);
            written.Add(png);
        }
        return written;
    }

    /// <summary>Writes the JSON document to <paramref name="stream"/> (not closed).</summary>
    public static void WriteJson(SemanticConfusion? semantics, NormalMetrics? normals, Stream stream, IReadOnlyList<string>? classNames = null)
    {
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        w.WriteStartObject();
        if (semantics is not null)
        {
            var names = Names(semantics, classNames);
            w.WriteStartObject("semantics");
            w.WriteNumber("classCount", semantics.ClassCount);
            JsonReportWriter.Number(w, "meanIoU", semantics.MeanIoU());
            JsonReportWriter.Number(w, "pixelAccuracy", semantics.PixelAccuracy());
            w.WriteNumber("voidGroundTruthPixels", semantics.VoidGroundTruth);
            w.WriteNumber("ignoredGroundTruthPixels", semantics.IgnoredGroundTruth);
            w.WriteStartArray("classes");
            for (int c = 1; c <= semantics.ClassCount; c++)
            {
                w.WriteStartObject();
                w.WriteNumber("id", c);
                w.WriteString("name", names[c]);
                JsonReportWriter.Number(w, "iou", semantics.IoU(c));
                w.WriteNumber("groundTruthPixels", semantics.GroundTruthPixels(c));
                w.WriteNumber("predictedPixels", semantics.PredictedPixels(c));
                w.WriteNumber("invalidPredictions", semantics.InvalidPredictions(c));
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("confusionRowsGtColsPredLastInvalid");
            foreach (var row in semantics.ToRows())
            {
                w.WriteStartArray();
                foreach (var v in row) w.WriteNumberValue(v);
                w.WriteEndArray();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        if (normals is not null)
        {
            w.WriteStartObject("normals");
            JsonReportWriter.Number(w, "meanDeg", normals.MeanDeg);
            JsonReportWriter.Number(w, "medianDeg", normals.MedianDeg);
            JsonReportWriter.Number(w, "under11_25", normals.Under11_25);
            JsonReportWriter.Number(w, "under22_5", normals.Under22_5);
            JsonReportWriter.Number(w, "under30", normals.Under30);
            w.WriteNumber("pixels", normals.Pixels);
            w.WriteNumber("invalidPixels", normals.InvalidPixels);
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }

    /// <summary>The Markdown tables.</summary>
    public static string RenderMarkdown(SemanticConfusion? semantics, NormalMetrics? normals, IReadOnlyList<string>? classNames = null)
    {
        var sb = new StringBuilder();
        if (semantics is not null)
        {
            var names = Names(semantics, classNames);
            sb.Append("## Semantics\n\n");
            sb.Append(CultureInfo.InvariantCulture, $"mIoU over classes present in ground truth: {MarkdownReportWriter.F(semantics.MeanIoU())}; pixel accuracy: {MarkdownReportWriter.Pct(semantics.PixelAccuracy())}; void pixels ignored: {semantics.VoidGroundTruth}.\n\n");
            sb.Append("| id | class | IoU | ground-truth pixels | predicted pixels |\n|---:|---|---:|---:|---:|\n");
            for (int c = 1; c <= semantics.ClassCount; c++)
                sb.Append(CultureInfo.InvariantCulture, $"| {c} | {names[c]} | {MarkdownReportWriter.F(semantics.IoU(c))} | {semantics.GroundTruthPixels(c)} | {semantics.PredictedPixels(c)} |\n");
            sb.Append('\n');
        }
        if (normals is not null)
        {
            sb.Append("## Surface normals\n\n| mean (deg) | median (deg) | < 11.25 | < 22.5 | < 30 | pixels | invalid |\n|---:|---:|---:|---:|---:|---:|---:|\n");
            sb.Append(CultureInfo.InvariantCulture, $"| {normals.MeanDeg:0.00} | {normals.MedianDeg:0.00} | {MarkdownReportWriter.Pct(normals.Under11_25)} | {MarkdownReportWriter.Pct(normals.Under22_5)} | {MarkdownReportWriter.Pct(normals.Under30)} | {normals.Pixels} | {normals.InvalidPixels} |\n");
        }
        return sb.ToString();
    }

    private static IReadOnlyList<string> Names(SemanticConfusion s, IReadOnlyList<string>? classNames) =>
        classNames ?? (s.ClassCount == NyuClasses.Count13 ? NyuClasses.Names13 : Enumerable.Range(0, s.ClassCount + 1).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray());
}
