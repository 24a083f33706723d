namespace CvM.Evaluation.Driver;

/// <summary>Everything one evaluation run produced: what the report writers turn into JSON, Markdown and PNGs.</summary>
/// <param name="Dataset">name of the frame source (e.g. the bag folder).</param>
/// <param name="FrameCount">frames read.</param>
/// <param name="FramesWithPose">frames that had a camera pose.</param>
/// <param name="Options">the options of the run.</param>
/// <param name="GeneratedUtc">when the run finished.</param>
/// <param name="ElapsedSeconds">wall time of the run.</param>
/// <param name="Sources">one result per depth source, in the order given.</param>
/// <param name="Previews">frames kept for the side-by-side previews.</param>
/// <param name="GroundTruthConsistency">the consistency check run on the ground-truth depth itself: what a perfect
/// prediction would score given sensor noise, occlusions and pose error (empty when off or without poses).</param>
public sealed record EvaluationReport(
    string Dataset, int FrameCount, int FramesWithPose, EvaluationOptions Options, DateTime GeneratedUtc,
    double ElapsedSeconds, IReadOnlyList<DepthSourceResult> Sources, IReadOnlyList<PreviewFrame> Previews,
    Metrics.ConsistencySums GroundTruthConsistency);
