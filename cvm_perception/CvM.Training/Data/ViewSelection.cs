using CvM.Geometry;

namespace CvM.Training.Data;

/// <summary>
/// Source-view choice as the node makes it: among candidate keyframes (never the reference itself), the two whose
/// camera centres are nearest to the reference's, counting only those at least a minimum baseline away (so the
/// views carry parallax). Pure; allocates nothing.
/// </summary>
public static class ViewSelection
{
    /// <summary>
    /// Picks the two nearest candidates of <paramref name="T_world_cam"/> (indices <paramref name="first"/> ..
    /// <paramref name="last"/> inclusive, <paramref name="refIndex"/> skipped) with centre distance &gt;=
    /// <paramref name="minBaselineM"/>; returns false when fewer than two qualify. <paramref name="src1"/> is the nearer.
    /// </summary>
    public static bool TryPickTwoNearest(ReadOnlySpan<Pose3> T_world_cam, int refIndex, int first, int last, double minBaselineM,
        out int src1, out int src2)
    {
        src1 = src2 = -1;
        double d1 = double.MaxValue, d2 = double.MaxValue;
        var c = T_world_cam[refIndex].Translation;
        for (int i = Math.Max(0, first); i <= Math.Min(last, T_world_cam.Length - 1); i++)
        {
            if (i == refIndex) continue;
            double d = Vector3d.Distance(c, T_world_cam[i].Translation);
            if (!(d >= minBaselineM)) continue;
            if (d < d1)
            {
                (src2, d2) = (src1, d1);
                (src1, d1) = (i, d);
            }
            else if (d < d2)
            {
                (src2, d2) = (i, d);
            }
        }
        return src2 >= 0;
    }
}
