namespace CvM.Evaluation.Sources;

/// <summary>Small statistics over depth maps used by the baselines.</summary>
internal static class DepthStatistics
{
    /// <summary>
    /// Median of the finite values &gt; 0 (the upper middle one for even counts); NaN when there is none.
    /// <paramref name="scratch"/> is grown when too small and reused by the caller across frames.
    /// </summary>
    public static float MedianValid(ReadOnlySpan<float> depthM, ref float[] scratch)
    {
        if (scratch.Length < depthM.Length) scratch = new float[depthM.Length];
        int n = 0;
        foreach (var d in depthM)
            if (d > 0 && float.IsFinite(d)) scratch[n++] = d;
        if (n == 0) return float.NaN;
        var valid = scratch.AsSpan(0, n);
        valid.Sort();
        return valid[n / 2];
    }
}
