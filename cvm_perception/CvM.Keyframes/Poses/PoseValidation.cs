using CvM.Geometry;

namespace CvM.Keyframes.Poses;

/// <summary>Checks an incoming pose: finite components, quaternion norm within a tolerance of 1 (then normalised).</summary>
internal static class PoseValidation
{
    /// <summary>
    /// Returns <see cref="PoseSampleOutcome.Accepted"/> with the normalised pose, or the reason to drop it.
    /// </summary>
    public static PoseSampleOutcome Check(in Pose3 pose, double normTolerance, out Pose3 normalized)
    {
        normalized = default;
        var q = pose.Rotation;
        var t = pose.Translation;
        if (!double.IsFinite(q.W) || !double.IsFinite(q.X) || !double.IsFinite(q.Y) || !double.IsFinite(q.Z)
            || !double.IsFinite(t.X) || !double.IsFinite(t.Y) || !double.IsFinite(t.Z))
            return PoseSampleOutcome.NonFinite;
        var n = q.Norm;
        if (!(Math.Abs(n - 1) <= normTolerance) || !(n > 0)) return PoseSampleOutcome.NonUnitQuaternion;
        normalized = new Pose3(new UnitQuaternion(q.W / n, q.X / n, q.Y / n, q.Z / n), t);
        return PoseSampleOutcome.Accepted;
    }

    /// <summary>True when every component of <paramref name="pose"/> is finite.</summary>
    public static bool IsFinite(in Pose3 pose)
    {
        var q = pose.Rotation;
        var t = pose.Translation;
        return double.IsFinite(q.W) && double.IsFinite(q.X) && double.IsFinite(q.Y) && double.IsFinite(q.Z)
            && double.IsFinite(t.X) && double.IsFinite(t.Y) && double.IsFinite(t.Z);
    }
}
