namespace CvM.Evaluation.Metrics;

/// <summary>
/// Compares a predicted depth map with ground truth, pixel by pixel, into <see cref="DepthErrorSums"/>.
/// Rules (the same everywhere in the project):
/// <list type="bullet">
/// <item>A pixel counts only where the ground truth is valid: &gt; 0, finite, inside <see cref="DepthRange"/>.</item>
/// <item>A NaN prediction there is a missing prediction: counted in <see cref="DepthPixelCounts.MissingPrediction"/>
/// and left out of the metrics (reports show the coverage next to the metrics).</item>
/// <item>Any other prediction (including +-infinity, zero and negative values) is clamped to
/// [MinM, MaxM], and counted in <see cref="DepthPixelCounts.ClampedPrediction"/> when it had to be moved.</item>
/// </list>
/// Allocates nothing; the spans are read only and stay owned by the caller.
/// </summary>
public static class DepthEvaluator
{
    /// <summary>
    /// Adds every valid pixel of <paramref name="gtM"/> vs <paramref name="predM"/> (both metres, same length,
    /// row-major) into <paramref name="sums"/>, and into <paramref name="bins"/> when given.
    /// </summary>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    public static DepthPixelCounts Accumulate(ReadOnlySpan<float> gtM, ReadOnlySpan<float> predM, DepthRange range,
        ref DepthErrorSums sums, DepthErrorBins? bins = null)
    {
        if (gtM.Length != predM.Length)
            throw new ArgumentException($"ground truth has {gtM.Length} pixels, prediction {predM.Length}", nameof(predM));
        long valid = 0, missing = 0, clamped = 0;
        for (int i = 0; i < gtM.Length; i++)
        {
            float g = gtM[i];
            if (!range.IsValidGroundTruth(g)) continue;
            valid++;
            float p = predM[i];
            if (float.IsNaN(p))
            {
                missing++;
                continue;
            }
            if (p < range.MinM) { p = range.MinM; clamped++; }
            else if (p > range.MaxM) { p = range.MaxM; clamped++; }
            sums.Add(p, g);
            bins?.Add(p, g);
        }
        return new DepthPixelCounts(gtM.Length, valid, missing, clamped);
    }

    /// <summary>The metrics of one frame (convenience over <see cref="Accumulate"/>).</summary>
    public static DepthMetrics Evaluate(ReadOnlySpan<float> gtM, ReadOnlySpan<float> predM, DepthRange range)
    {
        var sums = default(DepthErrorSums);
        Accumulate(gtM, predM, range, ref sums);
        return sums.ToMetrics();
    }
}
