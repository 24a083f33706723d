using CvM.Geometry;

namespace CvM.Synthetic.Tests;

/// <summary>Helpers shared by the generator tests: intrinsics, statistics, independent back-projection.</summary>
internal static class TestFrames
{
    public static Intrinsics K160 => Intrinsics.FromHorizontalFov(70 * Math.PI / 180, 160, 128);

    public static double Median(List<double> values)
    {
        Assert.NotEmpty(values);
        var a = values.ToArray();
        Array.Sort(a);
        return a.Length % 2 == 1 ? a[a.Length / 2] : 0.5 * (a[a.Length / 2 - 1] + a[a.Length / 2]);
    }

    public static double Percentile(List<double> values, double q)
    {
        var a = values.ToArray();
        Array.Sort(a);
        return a[(int)Math.Min(a.Length - 1, Math.Floor(q * a.Length))];
    }

    /// <summary>Camera-frame point of pixel (u, v) with z-depth d, written out from fx, fy, cx, cy.</summary>
    public static (double X, double Y, double Z) BackProject(Intrinsics k, int u, int v, double d) =>
        ((u - k.Cx) / k.Fx * d, (v - k.Cy) / k.Fy * d, d);

    /// <summary>Rotation matrix (row-major) of a pose, written out from the quaternion (independent of the library's).</summary>
    public static double[] R(Pose3 T)
    {
        var q = T.Rotation;
        double w = q.W, x = q.X, y = q.Y, z = q.Z;
        return
        [
            w * w + x * x - y * y - z * z, 2 * (x * y - w * z), 2 * (x * z + w * y),
            2 * (x * y + w * z), w * w - x * x + y * y - z * z, 2 * (y * z - w * x),
            2 * (x * z - w * y), 2 * (y * z + w * x), w * w - x * x - y * y + z * z,
        ];
    }

    public static (double X, double Y, double Z) CamToWorld(Pose3 T, (double X, double Y, double Z) p)
    {
        var r = R(T);
        var t = T.Translation;
        return (r[0] * p.X + r[1] * p.Y + r[2] * p.Z + t.X, r[3] * p.X + r[4] * p.Y + r[5] * p.Z + t.Y, r[6] * p.X + r[7] * p.Y + r[8] * p.Z + t.Z);
    }

    public static (double X, double Y, double Z) WorldToCam(Pose3 T, (double X, double Y, double Z) p)
    {
        var r = R(T);
        var t = T.Translation;
        double x = p.X - t.X, y = p.Y - t.Y, z = p.Z - t.Z;
        return (r[0] * x + r[3] * y + r[6] * z, r[1] * x + r[4] * y + r[7] * z, r[2] * x + r[5] * y + r[8] * z);
    }
}
