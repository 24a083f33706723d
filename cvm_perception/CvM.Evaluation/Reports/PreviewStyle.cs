namespace CvM.Evaluation.Reports;

/// <summary>Colour scales and size of the side-by-side previews.</summary>
/// <param name="MinDepthM">depth at the low end of the depth colour map (metres).</param>
/// <param name="MaxDepthM">depth at the high end of the depth colour map (metres, &gt; MinDepthM).</param>
/// <param name="MaxAbsRel">relative error at the high end of the error colour map (&gt; 0).</param>
/// <param name="Downsample">integer factor the panels are shrunk by (1..8; nearest pixel).</param>
public sealed record PreviewStyle(float MinDepthM = 0f, float MaxDepthM = 5f, float MaxAbsRel = 0.5f, int Downsample = 2)
{
    /// <summary>Indoor default: 0-5 m, AbsRel 0-0.5, half size.</summary>
    public static PreviewStyle Indoor { get; } = new();

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> for a value out of range.</summary>
    public void Validate()
    {
        if (!(MaxDepthM > MinDepthM)) throw new ArgumentOutOfRangeException(nameof(MaxDepthM), MaxDepthM, "must be > MinDepthM");
        if (!(MaxAbsRel > 0)) throw new ArgumentOutOfRangeException(nameof(MaxAbsRel), MaxAbsRel, "must be > 0");
        if (Downsample is < 1 or > 8) throw new ArgumentOutOfRangeException(nameof(Downsample), Downsample, "1..8");
    }
}
