using static TorchSharp.torch;

namespace CvM.Training.Tests;

/// <summary>Small geometry helpers for tests: intrinsics and rigid motions as tensors.</summary>
internal static class TestGeometry
{
    public static (Tensor K, Tensor InvK) Intrinsics(double fx, double fy, double cx, double cy)
    {
        var k = new double[] { fx, 0, cx, 0, fy, cy, 0, 0, 1 };
        var inv = new double[] { 1 / fx, 0, -cx / fx, 0, 1 / fy, -cy / fy, 0, 0, 1 };
        return (tensor(k.Select(v => (float)v).ToArray()).reshape(1, 3, 3), tensor(inv.Select(v => (float)v).ToArray()).reshape(1, 3, 3));
    }

    /// <summary>Row-major 4x4 of a rotation about y by <paramref name="yawRad"/> then about x by <paramref name="pitchRad"/>, plus t.</summary>
    public static double[] Rigid(double yawRad, double pitchRad, double tx, double ty, double tz)
    {
        double cy = Math.Cos(yawRad), sy = Math.Sin(yawRad), cp = Math.Cos(pitchRad), sp = Math.Sin(pitchRad);
        // R = Rx(pitch) * Ry(yaw)
        double[] ry = [cy, 0, sy, 0, 1, 0, -sy, 0, cy];
        double[] rx = [1, 0, 0, 0, cp, -sp, 0, sp, cp];
        var r = new double[9];
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 3; j++)
                for (int k = 0; k < 3; k++) r[i * 3 + j] += rx[i * 3 + k] * ry[k * 3 + j];
        return [r[0], r[1], r[2], tx, r[3], r[4], r[5], ty, r[6], r[7], r[8], tz, 0, 0, 0, 1];
    }

    public static Tensor ToTensor(double[] t44) => tensor(t44.Select(v => (float)v).ToArray()).reshape(1, 4, 4);
}
