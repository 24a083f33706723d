namespace CvM.Evaluation.Metrics;

/// <summary>
/// The standard monocular/multi-view depth metrics (Eigen et al. 2014) over a set of pixels.
/// Deltas are fractions in [0, 1]; errors in metres where they have a unit. NaN when no pixel was valid.
/// </summary>
/// <param name="AbsRel">mean |pred - gt| / gt.</param>
/// <param name="SqRel">mean (pred - gt)^2 / gt (metres).</param>
/// <param name="Rmse">sqrt(mean (pred - gt)^2) (metres).</param>
/// <param name="RmseLog">sqrt(mean (ln pred - ln gt)^2).</param>
/// <param name="Delta1">fraction with max(pred/gt, gt/pred) &lt; 1.25.</param>
/// <param name="Delta2">fraction with max(pred/gt, gt/pred) &lt; 1.25^2.</param>
/// <param name="Delta3">fraction with max(pred/gt, gt/pred) &lt; 1.25^3.</param>
/// <param name="Pixels">pixels the metrics are over (for a mean of frames: the total over those frames).</param>
public sealed record DepthMetrics(
    double AbsRel, double SqRel, double Rmse, double RmseLog,
    double Delta1, double Delta2, double Delta3, long Pixels)
{
    /// <summary>The base of the delta thresholds (1.25).</summary>
    public const double DeltaBase = 1.25;

    /// <summary>Metrics of an empty pixel set: every value NaN, zero pixels.</summary>
    public static DepthMetrics Empty { get; } =
        new(double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, 0);

    /// <summary>
    /// The mean of per-frame metrics (each frame weighs the same, whatever its pixel count); frames without
    /// valid pixels are left out. <see cref="Pixels"/> of the result is the total over the frames used.
    /// </summary>
    public static DepthMetrics MeanOfFrames(IEnumerable<DepthMetrics> frames)
    {
        double a = 0, s = 0, r = 0, rl = 0, d1 = 0, d2 = 0, d3 = 0;
        long pixels = 0;
        int n = 0;
        foreach (var f in frames)
        {
            if (f.Pixels == 0) continue;
            a += f.AbsRel; s += f.SqRel; r += f.Rmse; rl += f.RmseLog;
            d1 += f.Delta1; d2 += f.Delta2; d3 += f.Delta3;
            pixels += f.Pixels;
            n++;
        }
        return n == 0 ? Empty : new DepthMetrics(a / n, s / n, r / n, rl / n, d1 / n, d2 / n, d3 / n, pixels);
    }
}
