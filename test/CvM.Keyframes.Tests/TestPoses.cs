using CvM.Geometry;

namespace CvM.Keyframes.Tests;

/// <summary>Pose helpers for the tests (robot base frame x forward, z up; camera optical frame z forward, y down).</summary>
internal static class TestPoses
{
    /// <summary>Optical frame expressed in the base frame: optical z = base x, optical x = base -y, optical y = base -z.</summary>
    public static readonly UnitQuaternion R_base_optical = UnitQuaternion.FromRotationMatrix([0, 0, 1, -1, 0, 0, 0, -1, 0]);

    public static Pose3 Yaw(double yawRad, double x = 0, double y = 0, double z = 0) =>
        new(UnitQuaternion.FromAxisAngle(Vector3d.UnitZ, yawRad), new Vector3d(x, y, z));

    public static Pose3 Mount(double forwardM, double heightM) => new(R_base_optical, new Vector3d(forwardM, 0, heightM));

    public static double Deg(double degrees) => degrees * Math.PI / 180;

    /// <summary>Rotation matrix of a quaternion computed from its axis-angle form (independent of UnitQuaternion.ToRotationMatrix).</summary>
    public static double[,] Matrix(UnitQuaternion q)
    {
        var s = Math.Sqrt(q.X * q.X + q.Y * q.Y + q.Z * q.Z);
        var angle = 2 * Math.Atan2(s, q.W);
        var m = new double[3, 3];
        if (s < 1e-15)
        {
            m[0, 0] = m[1, 1] = m[2, 2] = 1;
            return m;
        }
        double ux = q.X / s, uy = q.Y / s, uz = q.Z / s, c = Math.Cos(angle), sn = Math.Sin(angle), C = 1 - c;
        // Rodrigues' formula.
        m[0, 0] = c + ux * ux * C; m[0, 1] = ux * uy * C - uz * sn; m[0, 2] = ux * uz * C + uy * sn;
        m[1, 0] = uy * ux * C + uz * sn; m[1, 1] = c + uy * uy * C; m[1, 2] = uy * uz * C - ux * sn;
        m[2, 0] = uz * ux * C - uy * sn; m[2, 1] = uz * uy * C + ux * sn; m[2, 2] = c + uz * uz * C;
        return m;
    }

    /// <summary>4x4 homogeneous matrix by Rodrigues (independent path).</summary>
    public static double[,] Homogeneous(Pose3 T)
    {
        var r = Matrix(T.Rotation);
        var h = new double[4, 4];
        for (var i = 0; i < 3; i++)
            for (var j = 0; j < 3; j++)
                h[i, j] = r[i, j];
        h[0, 3] = T.Translation.X;
        h[1, 3] = T.Translation.Y;
        h[2, 3] = T.Translation.Z;
        h[3, 3] = 1;
        return h;
    }

    public static double[,] Multiply(double[,] a, double[,] b)
    {
        var n = a.GetLength(0);
        var c = new double[n, n];
        for (var i = 0; i < n; i++)
            for (var j = 0; j < n; j++)
                for (var k = 0; k < n; k++)
                    c[i, j] += a[i, k] * b[k, j];
        return c;
    }

    /// <summary>Inverse of a rigid 4x4 matrix: [R^T, -R^T t].</summary>
    public static double[,] InverseRigid(double[,] h)
    {
        var inv = new double[4, 4];
        for (var i = 0; i < 3; i++)
        {
            for (var j = 0; j < 3; j++) inv[i, j] = h[j, i];
            inv[i, 3] = -(h[0, i] * h[0, 3] + h[1, i] * h[1, 3] + h[2, i] * h[2, 3]);
        }
        inv[3, 3] = 1;
        return inv;
    }

    /// <summary>Rotation angle between two rotations from their matrices: acos((trace(Ra^T Rb) - 1) / 2).</summary>
    public static double AngleBetween(UnitQuaternion a, UnitQuaternion b)
    {
        var ra = Matrix(a);
        var rb = Matrix(b);
        double trace = 0;
        for (var i = 0; i < 3; i++)
            for (var k = 0; k < 3; k++)
                trace += ra[k, i] * rb[k, i];
        return Math.Acos(Math.Clamp((trace - 1) / 2, -1, 1));
    }

    public static void AssertClose(double[,] expected, Pose3 actual, double tolerance)
    {
        var h = Homogeneous(actual);
        for (var i = 0; i < 4; i++)
            for (var j = 0; j < 4; j++)
                Assert.True(Math.Abs(expected[i, j] - h[i, j]) <= tolerance, $"[{i},{j}] expected {expected[i, j]} got {h[i, j]}");
    }

    public static void AssertClose(Pose3 expected, Pose3 actual, double tolerance) => AssertClose(Homogeneous(expected), actual, tolerance);
}
