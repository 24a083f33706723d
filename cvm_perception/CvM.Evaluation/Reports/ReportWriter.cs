using CvM.Evaluation.Driver;

namespace CvM.Evaluation.Reports;

/// <summary>
/// Writes the whole report of a run into a folder: <c>report.json</c>, <c>report.md</c>, <c>per_frame_error.png</c>,
/// <c>error_vs_depth.png</c> and <c>preview_&lt;source&gt;_&lt;frame&gt;.png</c> for each preview frame and source.
/// </summary>
public static class ReportWriter
{
    /// <summary>Writes every file into <paramref name="outDir"/> (created when missing); returns the paths written.</summary>
    public static IReadOnlyList<string> WriteAll(EvaluationReport report, string outDir, PreviewStyle? style = null)
    {
        style ??= PreviewStyle.Indoor;
        style.Validate();
        Directory.CreateDirectory(outDir);
        var written = new List<string>();
        var images = new List<string>();
        string perFrame = Path.Combine(outDir, "per_frame_error.png");
        PlotWriter.PerFrameError(report, perFrame);
        images.Add(Path.GetFileName(perFrame));
        string vsDepth = Path.Combine(outDir, "error_vs_depth.png");
        PlotWriter.ErrorAgainstDepth(report, vsDepth);
        images.Add(Path.GetFileName(vsDepth));
        foreach (var p in report.Previews)
        {
            foreach (var s in report.Sources)
            {
                string path = Path.Combine(outDir, $"preview_{s.Name}_{p.Index:D4}.png");
                if (PreviewWriter.Write(p, s.Name, path, style)) images.Add(Path.GetFileName(path));
            }
        }
        string json = Path.Combine(outDir, "report.json");
        JsonReportWriter.Write(report, json);
        string md = Path.Combine(outDir, "report.md");
        MarkdownReportWriter.Write(report, md, images);
        written.Add(json);
        written.Add(md);
        written.AddRange(images.Select(i => Path.Combine(outDir, i)));
        return written;
    }
}
