using CvM.Geometry;

namespace CvM.Evaluation.Driver;

/// <summary>
/// One evaluation frame: an RGB image paired with its ground-truth depth (same size) and, where known, the
/// camera pose at the image stamp. Ownership: the frame owns its arrays (a source hands out a new frame each
/// time, so a depth source may keep a reference); nobody writes to them after construction.
/// </summary>
/// <param name="Index">position in the sequence (0-based).</param>
/// <param name="StampNs">image header stamp, nanoseconds since the epoch.</param>
/// <param name="K">intrinsics of the depth (and, approximately, the colour) image.</param>
/// <param name="Rgb8">row-major RGB8 pixels, K.Width*K.Height*3 bytes, or empty when the source has no colour.</param>
/// <param name="GroundTruthDepthM">row-major depth in metres, K.Width*K.Height; 0 or NaN = no ground truth.</param>
/// <param name="T_world_cam">camera-to-world pose at the image stamp, or null when unknown.</param>
public sealed record EvalFrame(
    int Index,
    long StampNs,
    Intrinsics K,
    ReadOnlyMemory<byte> Rgb8,
    ReadOnlyMemory<float> GroundTruthDepthM,
    Pose3? T_world_cam)
{
    /// <summary>Intrinsics of the depth (and, approximately, the colour) image; never null.</summary>
    public Intrinsics K { get; init; } = K ?? throw new ArgumentNullException(nameof(K));

    /// <summary>Pixels per image.</summary>
    public int PixelCount => K.Width * K.Height;
}
