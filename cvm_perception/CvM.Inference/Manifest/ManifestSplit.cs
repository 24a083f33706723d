namespace CvM.Inference;

/// <summary>
/// The keyframe-cache export (DESIGN §2; <c>CvM.Training export --split</c>): a per-view feature graph (<c>image</c>,
/// <c>invK</c> to <c>f4, f8, f16, m8</c> and optionally <c>k4</c>) and a multi-view graph (reference features as
/// <c>ref_*</c>, sources' <c>m8</c> (and <c>k4</c>) as <c>src1_*</c>/<c>src2_*</c>, geometry, to the outputs). When a
/// manifest has this section the node runs the two graphs and caches keyframes' features; the manifest's top-level
/// model entry is then not opened.
/// </summary>
public sealed record ManifestSplit
{
    /// <summary>The per-view feature graph.</summary>
    public required ManifestGraph Features { get; init; }

    /// <summary>The multi-view graph with the heads.</summary>
    public required ManifestGraph MultiView { get; init; }
}
