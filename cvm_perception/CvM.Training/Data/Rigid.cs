namespace CvM.Training.Data;

/// <summary>Row-major 4x4 rigid transforms in double precision (small helper for data sources).</summary>
public static class Rigid
{
    /// <summary><c>a * b</c>.</summary>
    public static double[] Mul(double[] a, double[] b)
    {
        var r = new double[16];
        for (int i = 0; i < 4; i++)
            for (int j = 0; j < 4; j++)
                for (int k = 0; k < 4; k++) r[i * 4 + j] += a[i * 4 + k] * b[k * 4 + j];
        return r;
    }

    /// <summary>Inverse of a rigid transform.</summary>
    public static double[] Inverse(double[] t)
    {
        var r = new double[16];
        for (int i = 0; i < 3; i++)
        {
            for (int j = 0; j < 3; j++) r[i * 4 + j] = t[j * 4 + i];
            r[i * 4 + 3] = -(t[0 * 4 + i] * t[3] + t[1 * 4 + i] * t[7] + t[2 * 4 + i] * t[11]);
        }
        r[15] = 1;
        return r;
    }

    /// <summary>Rotation <c>Rz(roll) Ry(yaw) Rx(pitch)</c> with translation.</summary>
    public static double[] FromEuler(double yaw, double pitch, double roll, double tx, double ty, double tz)
    {
        double cy = Math.Cos(yaw), sy = Math.Sin(yaw), cp = Math.Cos(pitch), sp = Math.Sin(pitch), cr = Math.Cos(roll), sr = Math.Sin(roll);
        double[] rz = [cr, -sr, 0, 0, sr, cr, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1];
        double[] ry = [cy, 0, sy, 0, 0, 1, 0, 0, -sy, 0, cy, 0, 0, 0, 0, 1];
        double[] rx = [1, 0, 0, 0, 0, cp, -sp, 0, 0, sp, cp, 0, 0, 0, 0, 1];
        var r = Mul(rz, Mul(ry, rx));
        r[3] = tx;
        r[7] = ty;
        r[11] = tz;
        return r;
    }

    /// <summary>Identity.</summary>
    public static double[] Identity() => [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1];

    /// <summary>To float.</summary>
    public static float[] ToFloat(double[] t) => t.Select(v => (float)v).ToArray();
}
