using CvM.Evaluation.Metrics;

namespace CvM.Evaluation.Driver;

/// <summary>The whole-sequence outcome of one depth source.</summary>
/// <param name="Name">source name.</param>
/// <param name="Description">what the source predicts (from the source).</param>
/// <param name="Kind">baseline, oracle reference or model.</param>
/// <param name="Frames">per-frame results in order (skipped frames included, with Predicted = false).</param>
/// <param name="MeanOfFrames">mean of the per-frame metrics over predicted frames (each frame weighs the same).</param>
/// <param name="Pooled">metrics over all valid pixels of all predicted frames pooled together.</param>
/// <param name="Counts">pixel counts summed over predicted frames.</param>
/// <param name="Bins">errors binned by ground-truth depth (pooled pixels).</param>
/// <param name="Consistency">multi-view consistency summed over frame pairs (empty when off or without poses).</param>
/// <param name="PredictSeconds">total wall time spent in the source's TryPredict.</param>
public sealed record DepthSourceResult(
    string Name, string Description, DepthSourceKind Kind,
    IReadOnlyList<FrameDepthResult> Frames, DepthMetrics MeanOfFrames, DepthMetrics Pooled, DepthPixelCounts Counts,
    DepthErrorBins Bins, ConsistencySums Consistency, double PredictSeconds)
{
    /// <summary>Frames for which the source gave no prediction.</summary>
    public int SkippedFrames => Frames.Count(f => !f.Predicted);
}
