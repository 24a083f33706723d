using CvM.Evaluation.Metrics;

namespace CvM.Evaluation.Driver;

/// <summary>One frame's outcome for one depth source.</summary>
/// <param name="Index">frame index in the sequence.</param>
/// <param name="StampNs">image stamp (ns since the epoch).</param>
/// <param name="Predicted">false when the source gave no prediction for this frame (metrics are then NaN).</param>
/// <param name="Metrics">this frame's depth metrics.</param>
/// <param name="Counts">how this frame's pixels were classified.</param>
/// <param name="Consistency">consistency of this frame's prediction against the neighbour's (empty when not computed).</param>
public sealed record FrameDepthResult(int Index, long StampNs, bool Predicted, DepthMetrics Metrics, DepthPixelCounts Counts,
    ConsistencySums Consistency);
