namespace CvM.Evaluation.Metrics;

/// <summary>
/// Running sums of the per-pixel depth errors over a set of valid pixels (a frame, or a whole sequence when
/// pixels are pooled). A plain value type: copy it, add it, turn it into <see cref="DepthMetrics"/>.
/// </summary>
public struct DepthErrorSums
{
    /// <summary>Pixels whose errors are in the sums (ground truth valid and a prediction present).</summary>
    public long Count;
    /// <summary>Sum of |pred - gt| / gt.</summary>
    public double AbsRel;
    /// <summary>Sum of (pred - gt)^2 / gt.</summary>
    public double SqRel;
    /// <summary>Sum of (pred - gt)^2 (m^2).</summary>
    public double SqErr;
    /// <summary>Sum of (ln pred - ln gt)^2.</summary>
    public double SqLogErr;
    /// <summary>Pixels with max(pred/gt, gt/pred) &lt; 1.25.</summary>
    public long Delta1;
    /// <summary>Pixels with max(pred/gt, gt/pred) &lt; 1.25^2.</summary>
    public long Delta2;
    /// <summary>Pixels with max(pred/gt, gt/pred) &lt; 1.25^3.</summary>
    public long Delta3;

    /// <summary>Adds one pixel's error; <paramref name="predM"/> and <paramref name="gtM"/> must be &gt; 0 and finite.</summary>
    public void Add(float predM, float gtM)
    {
        double p = predM, g = gtM, d = p - g;
        Count++;
        AbsRel += Math.Abs(d) / g;
        SqRel += d * d / g;
        SqErr += d * d;
        double l = Math.Log(p) - Math.Log(g);
        SqLogErr += l * l;
        double ratio = Math.Max(p / g, g / p);
        if (ratio < DepthMetrics.DeltaBase) Delta1++;
        if (ratio < DepthMetrics.DeltaBase * DepthMetrics.DeltaBase) Delta2++;
        if (ratio < DepthMetrics.DeltaBase * DepthMetrics.DeltaBase * DepthMetrics.DeltaBase) Delta3++;
    }

    /// <summary>Adds all of <paramref name="other"/>'s sums into this one (pixel pooling).</summary>
    public void Add(in DepthErrorSums other)
    {
        Count += other.Count;
        AbsRel += other.AbsRel;
        SqRel += other.SqRel;
        SqErr += other.SqErr;
        SqLogErr += other.SqLogErr;
        Delta1 += other.Delta1;
        Delta2 += other.Delta2;
        Delta3 += other.Delta3;
    }

    /// <summary>The metrics of the pixels in these sums (NaN everywhere when <see cref="Count"/> is 0).</summary>
    public readonly DepthMetrics ToMetrics()
    {
        if (Count == 0) return DepthMetrics.Empty;
        double n = Count;
        return new DepthMetrics(
            AbsRel / n, SqRel / n, Math.Sqrt(SqErr / n), Math.Sqrt(SqLogErr / n),
            Delta1 / n, Delta2 / n, Delta3 / n, Count);
    }
}
