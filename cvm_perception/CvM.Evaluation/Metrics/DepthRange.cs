namespace CvM.Evaluation.Metrics;

/// <summary>
/// The depth interval (metres) inside which ground truth counts as valid, and to which predictions are clamped.
/// Defaults follow the NYUv2/7-Scenes indoor protocol: 0.1 m to 10 m.
/// </summary>
/// <param name="MinM">Smallest ground-truth depth evaluated (metres, &gt; 0).</param>
/// <param name="MaxM">Largest ground-truth depth evaluated (metres, &gt; MinM).</param>
public readonly record struct DepthRange(float MinM, float MaxM)
{
    /// <summary>Indoor default: 0.1 m to 10 m.</summary>
    public static DepthRange Indoor => new(0.1f, 10f);

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> unless 0 &lt; MinM &lt; MaxM, both finite.</summary>
    public void Validate()
    {
        if (!(MinM > 0f) || !float.IsFinite(MinM))
            throw new ArgumentOutOfRangeException(nameof(MinM), MinM, "MinM must be finite and > 0");
        if (!(MaxM > MinM) || !float.IsFinite(MaxM))
            throw new ArgumentOutOfRangeException(nameof(MaxM), MaxM, "MaxM must be finite and > MinM");
    }

    /// <summary>True when <paramref name="gtM"/> is a valid ground-truth depth: finite, &gt; 0 and inside [MinM, MaxM].</summary>
    public bool IsValidGroundTruth(float gtM) => gtM > 0f && float.IsFinite(gtM) && gtM >= MinM && gtM <= MaxM;
}
