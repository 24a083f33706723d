using CvM.Evaluation.Metrics;

namespace CvM.Evaluation.Driver;

/// <summary>All parameters of a depth evaluation run, each with its default and range (validated by <see cref="Validate"/>).</summary>
/// <param name="Range">valid ground-truth range and prediction clamp (default 0.1 to 10 m, indoor).</param>
/// <param name="DepthBinCount">bins of the error-against-depth plot, 1..1000 (default 20).</param>
/// <param name="DepthBinMaxM">upper edge of the last bin in metres, &gt; Range.MinM (default: 5 m, the indoor working range; deeper pixels go to the last bin).</param>
/// <param name="PreviewCount">frames rendered as side-by-side previews, 0..20 (default 3, spread over the sequence).</param>
/// <param name="ConsistencyNeighbourOffset">multi-view consistency against the frame this many frames earlier, 0..100 (0 = off; default 1). Needs poses.</param>
/// <param name="ExpectedFrameCountForPreviews">frame count used to spread previews when the source does not know its count (default 25).</param>
public sealed record EvaluationOptions(
    DepthRange Range,
    int DepthBinCount = 20,
    float DepthBinMaxM = 5f,
    int PreviewCount = 3,
    int ConsistencyNeighbourOffset = 1,
    int ExpectedFrameCountForPreviews = 25)
{
    /// <summary>Defaults for indoor sequences (7-Scenes, NYUv2, ScanNet).</summary>
    public static EvaluationOptions Indoor { get; } = new(DepthRange.Indoor);

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first parameter out of range.</summary>
    public void Validate()
    {
        Range.Validate();
        if (DepthBinCount is < 1 or > 1000) throw new ArgumentOutOfRangeException(nameof(DepthBinCount), DepthBinCount, "1..1000");
        if (!(DepthBinMaxM > Range.MinM) || !float.IsFinite(DepthBinMaxM))
            throw new ArgumentOutOfRangeException(nameof(DepthBinMaxM), DepthBinMaxM, "must be finite and > Range.MinM");
        if (PreviewCount is < 0 or > 20) throw new ArgumentOutOfRangeException(nameof(PreviewCount), PreviewCount, "0..20");
        if (ConsistencyNeighbourOffset is < 0 or > 100)
            throw new ArgumentOutOfRangeException(nameof(ConsistencyNeighbourOffset), ConsistencyNeighbourOffset, "0..100");
        if (ExpectedFrameCountForPreviews < 1)
            throw new ArgumentOutOfRangeException(nameof(ExpectedFrameCountForPreviews), ExpectedFrameCountForPreviews, ">= 1");
    }
}
