namespace CvM.Training.Eval;

/// <summary>Settings of <see cref="PhotometricScaleAligner"/>.</summary>
public sealed record ScaleAlignOptions
{
    /// <summary>Half-width of the search in ln s (0.2: factors 0.82 to 1.22).</summary>
    public double MaxLogScale { get; init; } = 0.2;

    /// <summary>Candidate factors on each side of 1 (0.02 apart in ln s by default).</summary>
    public int StepsPerSide { get; init; } = 10;

    /// <summary>Pixels whose squared gradient is below this quantile are not used (0.7: the most textured 30 %).</summary>
    public double TexturedQuantile { get; init; } = 0.7;

    /// <summary>Most pixels that take part (every k-th textured pixel beyond this).</summary>
    public int MaxPixels { get; init; } = 4000;

    /// <summary>Fewest usable pixels for an estimate.</summary>
    public int MinPixels { get; init; } = 200;

    /// <summary>Per-pixel cost cap (1 - ZNCC lies in [0, 2]): occluded or out-of-view pixels cost this much.</summary>
    public double CostCap { get; init; } = 1.0;

    /// <summary>Least depth of the minimum below the mean of the summed cost curve, relative to the mean, for an estimate.</summary>
    public double MinContrast { get; init; } = 0.01;

    /// <summary>Throws on settings out of range.</summary>
    public void Validate()
    {
        if (!(MaxLogScale > 0 && MaxLogScale <= 1)) throw new ArgumentOutOfRangeException(nameof(MaxLogScale), MaxLogScale, "must be in (0, 1]");
        if (StepsPerSide < 2 || StepsPerSide > 50) throw new ArgumentOutOfRangeException(nameof(StepsPerSide), StepsPerSide, "must be in [2, 50]");
        if (!(TexturedQuantile >= 0 && TexturedQuantile < 1)) throw new ArgumentOutOfRangeException(nameof(TexturedQuantile), TexturedQuantile, "must be in [0, 1)");
        if (MaxPixels < 1) throw new ArgumentOutOfRangeException(nameof(MaxPixels), MaxPixels, "must be positive");
        if (MinPixels < 1 || MinPixels > MaxPixels) throw new ArgumentOutOfRangeException(nameof(MinPixels), MinPixels, "must be in [1, MaxPixels]");
        if (!(CostCap > 0 && CostCap <= 2)) throw new ArgumentOutOfRangeException(nameof(CostCap), CostCap, "must be in (0, 2]");
        if (!(MinContrast >= 0 && MinContrast < 1)) throw new ArgumentOutOfRangeException(nameof(MinContrast), MinContrast, "must be in [0, 1)");
    }
}
