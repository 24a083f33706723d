using CvM.Evaluation.Bags;
using CvM.Evaluation.Driver;
using CvM.Evaluation.Reports;
using CvM.Evaluation.Sources;

namespace CvM.Evaluation;

/// <summary>
/// The baseline evaluation of a bag: the floor a depth network must beat. Runs two placeholder depth sources over
/// the bag's colour/depth pairs and writes the full report (JSON, Markdown, plots, previews) into a folder:
/// <list type="bullet">
/// <item><c>constant-first-frame-median</c> (baseline): the median ground-truth depth of the first frame, everywhere;</item>
/// <item><c>previous-frame-gt</c> (oracle reference, uses ground truth): the previous frame's ground-truth depth.</item>
/// </list>
/// </summary>
public static class BaselineReport
{
    /// <summary>
    /// Evaluates the bag at <paramref name="bagDir"/> and writes the report into <paramref name="outDir"/> (created when
    /// missing). Progress goes to <paramref name="progress"/> (default: a console bar, plain lines when output is
    /// redirected). Returns the report data.
    /// </summary>
    /// <exception cref="CvM.Bags.BagReadException">The bag cannot be read.</exception>
    /// <exception cref="InvalidDataException">A needed topic is missing.</exception>
    public static EvaluationReport Run(string bagDir, string outDir, IEvaluationProgress? progress = null,
        EvaluationOptions? options = null, BagFrameSourceOptions? bagOptions = null)
    {
        var frames = new BagFrameSource(bagDir, bagOptions);
        IDepthSource[] sources = [ConstantDepthSource.FirstFrameMedian(), new PreviousFrameDepthSource()];
        var report = DepthEvaluationRunner.Run(frames, sources, options ?? EvaluationOptions.Indoor,
            progress ?? ConsoleProgressBar.ForConsole("eval " + frames.Name));
        ReportWriter.WriteAll(report, outDir);
        File.WriteAllText(Path.Combine(outDir, "bag_frames.txt"), frames.Stats.ToString() + "\n");
        return report;
    }
}
