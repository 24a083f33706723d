namespace CvM.Evaluation.Metrics;

/// <summary>How the pixels of one depth comparison were classified (see <see cref="DepthEvaluator"/>).</summary>
/// <param name="Total">pixels compared (length of the spans).</param>
/// <param name="ValidGroundTruth">pixels with valid ground truth (&gt; 0, finite, inside the range).</param>
/// <param name="MissingPrediction">valid-ground-truth pixels whose prediction was NaN: left out of the metrics.</param>
/// <param name="ClampedPrediction">valid-ground-truth pixels whose prediction lay outside the range and was clamped.</param>
public readonly record struct DepthPixelCounts(long Total, long ValidGroundTruth, long MissingPrediction, long ClampedPrediction)
{
    /// <summary>Sum of two counts.</summary>
    public static DepthPixelCounts operator +(DepthPixelCounts a, DepthPixelCounts b) =>
        new(a.Total + b.Total, a.ValidGroundTruth + b.ValidGroundTruth,
            a.MissingPrediction + b.MissingPrediction, a.ClampedPrediction + b.ClampedPrediction);
}
