using CvM.Geometry;

namespace CvM.Evaluation.Driver;

/// <summary>
/// Copies of one frame's images kept for the side-by-side previews. Owns its arrays (copied from the frame and
/// from each source's prediction).
/// </summary>
/// <param name="Index">frame index.</param>
/// <param name="K">intrinsics (gives the size).</param>
/// <param name="Rgb8">RGB8 pixels, or empty.</param>
/// <param name="GroundTruthDepthM">ground-truth depth (metres).</param>
/// <param name="PredictionsM">prediction per depth source name (metres); a source without a prediction is absent.</param>
public sealed record PreviewFrame(int Index, Intrinsics K, byte[] Rgb8, float[] GroundTruthDepthM,
    IReadOnlyDictionary<string, float[]> PredictionsM);
