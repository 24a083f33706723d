namespace CvM.Training.Data;

/// <summary>
/// One training sample: a reference view with ground truth and two source views, all at the model input size.
/// Images are RGB planar <c>[3, H, W]</c> in [0,1]; depth <c>[H, W]</c> metres (0 = invalid); labels <c>[H, W]</c>
/// NYUv2 13-class ids (0 = void); normals <c>[3, H, W]</c> unit, camera optical frame (0 = invalid); <c>K</c> and
/// <c>InvK</c> row-major 3x3; <c>T_src1_ref</c>, <c>T_src2_ref</c> row-major 4x4 (maps reference-camera points into the
/// source camera). The sample owns its arrays.
/// </summary>
public sealed record ViewTriplet(
    float[] RefRgb, float[] Src1Rgb, float[] Src2Rgb, float[] RefDepth, byte[] RefLabels, float[] RefNormals,
    float[] K, float[] InvK, float[] T_src1_ref, float[] T_src2_ref, int Height, int Width);
