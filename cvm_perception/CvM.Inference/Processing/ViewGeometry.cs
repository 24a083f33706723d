using CvM.Geometry;

namespace CvM.Inference;

/// <summary>
/// The geometric inputs of the model, written into caller spans without allocating: K scaled to the model input
/// (the same arithmetic as <see cref="Intrinsics.ScaleTo"/>: fx' = fx sx, cx' = (cx + 0.5) sx - 0.5), its inverse,
/// relative poses T_src_ref = inverse(T_world_src) * T_world_ref as row-major 4x4, and pose validity.
/// </summary>
public static class ViewGeometry
{
    /// <summary>Tolerance on a pose quaternion's norm (|1 - norm|) before it counts as invalid.</summary>
    public const double QuaternionNormTolerance = 1e-3;

    /// <summary>Writes K and K^-1 (row-major 3x3) of <paramref name="K_cam"/> scaled to <paramref name="width"/> x <paramref name="height"/>.</summary>
    public static void WriteScaledK(Intrinsics K_cam, int width, int height, Span<float> K_rowMajor9, Span<float> invK_rowMajor9)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        if (K_rowMajor9.Length < 9 || invK_rowMajor9.Length < 9) throw new ArgumentException("need 9 elements");
        var sx = (double)width / K_cam.Width;
        var sy = (double)height / K_cam.Height;
        double fx = K_cam.Fx * sx, fy = K_cam.Fy * sy, cx = (K_cam.Cx + 0.5) * sx - 0.5, cy = (K_cam.Cy + 0.5) * sy - 0.5;
        K_rowMajor9[..9].Clear();
        K_rowMajor9[0] = (float)fx;
        K_rowMajor9[2] = (float)cx;
        K_rowMajor9[4] = (float)fy;
        K_rowMajor9[5] = (float)cy;
        K_rowMajor9[8] = 1;
        invK_rowMajor9[..9].Clear();
        invK_rowMajor9[0] = (float)(1 / fx);
        invK_rowMajor9[2] = (float)(-cx / fx);
        invK_rowMajor9[4] = (float)(1 / fy);
        invK_rowMajor9[5] = (float)(-cy / fy);
        invK_rowMajor9[8] = 1;
    }

    /// <summary>Writes T_src_ref = inverse(T_world_src) * T_world_ref, row-major 4x4 floats.</summary>
    public static void WriteRelativePose(in Pose3 T_world_src, in Pose3 T_world_ref, Span<float> T_src_ref_rowMajor16) =>
        Pose3.Relative(T_world_src, T_world_ref).ToMatrix4x4(T_src_ref_rowMajor16);

    /// <summary>Writes the 4x4 identity (duplication: a source that is the reference itself).</summary>
    public static void WriteIdentity(Span<float> T_rowMajor16)
    {
        T_rowMajor16[..16].Clear();
        T_rowMajor16[0] = T_rowMajor16[5] = T_rowMajor16[10] = T_rowMajor16[15] = 1;
    }

    /// <summary>True when every component is finite and the quaternion's norm is within <see cref="QuaternionNormTolerance"/> of 1.</summary>
    public static bool IsValid(in Pose3 T_world_cam)
    {
        var q = T_world_cam.Rotation;
        var t = T_world_cam.Translation;
        if (!double.IsFinite(q.W) || !double.IsFinite(q.X) || !double.IsFinite(q.Y) || !double.IsFinite(q.Z)) return false;
        if (!double.IsFinite(t.X) || !double.IsFinite(t.Y) || !double.IsFinite(t.Z)) return false;
        return Math.Abs(q.Norm - 1) <= QuaternionNormTolerance;
    }
}
