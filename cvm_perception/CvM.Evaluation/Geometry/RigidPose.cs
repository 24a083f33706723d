namespace CvM.Evaluation.Geometry;

/// <summary>
/// A rigid transform T_a_b (maps points in frame b into frame a): rotation R (row-major) and translation t in
/// metres, p_a = R p_b + t. Poses of cameras are camera-to-world (T_world_cam). Kept here, small, until
/// CvM.Geometry's pose type can replace it.
/// </summary>
public readonly record struct RigidPose(
    double R00, double R01, double R02,
    double R10, double R11, double R12,
    double R20, double R21, double R22,
    double Tx, double Ty, double Tz)
{
    /// <summary>The identity transform.</summary>
    public static RigidPose Identity => new(1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0);

    /// <summary>From a row-major 4x4 homogeneous matrix (the last row is not checked).</summary>
    public static RigidPose FromMatrix(ReadOnlySpan<double> m)
    {
        if (m.Length != 16) throw new ArgumentException($"a 4x4 matrix needs 16 values, got {m.Length}", nameof(m));
        return new(m[0], m[1], m[2], m[4], m[5], m[6], m[8], m[9], m[10], m[3], m[7], m[11]);
    }

    /// <summary>From a translation (metres) and a quaternion (x, y, z, w; normalised here).</summary>
    /// <exception cref="ArgumentException">The quaternion has zero or non-finite length.</exception>
    public static RigidPose FromTranslationQuaternion(double tx, double ty, double tz, double qx, double qy, double qz, double qw)
    {
        double n = Math.Sqrt(qx * qx + qy * qy + qz * qz + qw * qw);
        if (!(n > 0) || !double.IsFinite(n)) throw new ArgumentException("quaternion has zero or non-finite length");
        qx /= n; qy /= n; qz /= n; qw /= n;
        return new(
            1 - 2 * (qy * qy + qz * qz), 2 * (qx * qy - qz * qw), 2 * (qx * qz + qy * qw),
            2 * (qx * qy + qz * qw), 1 - 2 * (qx * qx + qz * qz), 2 * (qy * qz - qx * qw),
            2 * (qx * qz - qy * qw), 2 * (qy * qz + qx * qw), 1 - 2 * (qx * qx + qy * qy),
            tx, ty, tz);
    }

    /// <summary>The inverse T_b_a of this T_a_b.</summary>
    public RigidPose Inverse() => new(
        R00, R10, R20, R01, R11, R21, R02, R12, R22,
        -(R00 * Tx + R10 * Ty + R20 * Tz), -(R01 * Tx + R11 * Ty + R21 * Tz), -(R02 * Tx + R12 * Ty + R22 * Tz));

    /// <summary>Composition T_a_c = this (T_a_b) * <paramref name="T_b_c"/>.</summary>
    public RigidPose Compose(in RigidPose T_b_c)
    {
        var o = T_b_c;
        return new(
            R00 * o.R00 + R01 * o.R10 + R02 * o.R20, R00 * o.R01 + R01 * o.R11 + R02 * o.R21, R00 * o.R02 + R01 * o.R12 + R02 * o.R22,
            R10 * o.R00 + R11 * o.R10 + R12 * o.R20, R10 * o.R01 + R11 * o.R11 + R12 * o.R21, R10 * o.R02 + R11 * o.R12 + R12 * o.R22,
            R20 * o.R00 + R21 * o.R10 + R22 * o.R20, R20 * o.R01 + R21 * o.R11 + R22 * o.R21, R20 * o.R02 + R21 * o.R12 + R22 * o.R22,
            R00 * o.Tx + R01 * o.Ty + R02 * o.Tz + Tx, R10 * o.Tx + R11 * o.Ty + R12 * o.Tz + Ty, R20 * o.Tx + R21 * o.Ty + R22 * o.Tz + Tz);
    }

    /// <summary>Maps point (x, y, z) of frame b into frame a.</summary>
    public (double X, double Y, double Z) Apply(double x, double y, double z) =>
        (R00 * x + R01 * y + R02 * z + Tx, R10 * x + R11 * y + R12 * z + Ty, R20 * x + R21 * y + R22 * z + Tz);
}
