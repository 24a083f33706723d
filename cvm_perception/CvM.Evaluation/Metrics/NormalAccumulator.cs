using System.Numerics;
using System.Runtime.InteropServices;

namespace CvM.Evaluation.Metrics;

/// <summary>
/// Accumulates angular errors between predicted and ground-truth surface normals over frames.
/// A normal is invalid (the pixel is left out and counted) when a component is not finite or its length is
/// below <see cref="MinLength"/> (a zero vector is the usual "no normal"); valid normals are normalised first, so
/// they need not be unit length. The median comes from a fixed histogram of 0.001 degree bins allocated once in
/// the constructor (1.4 MB, owned by the instance); adding frames allocates nothing.
/// </summary>
public sealed class NormalAccumulator
{
    /// <summary>Shortest normal vector still considered valid.</summary>
    public const float MinLength = 1e-6f;

    /// <summary>Histogram bin width (degrees).</summary>
    public const double BinDeg = 0.001;

    private readonly long[] _histogram = new long[(int)Math.Round(180.0 / BinDeg) + 1];
    private double _sumDeg;
    private long _count, _invalid, _under11, _under22, _under30;

    /// <summary>Adds normals given as xyz triples (same length; caller keeps the spans).</summary>
    /// <exception cref="ArgumentException">Lengths differ or are not multiples of 3.</exception>
    public void Add(ReadOnlySpan<float> gtXyz, ReadOnlySpan<float> predXyz)
    {
        if (gtXyz.Length % 3 != 0) throw new ArgumentException("length must be a multiple of 3", nameof(gtXyz));
        Add(MemoryMarshal.Cast<float, Vector3>(gtXyz), MemoryMarshal.Cast<float, Vector3>(predXyz));
    }

    /// <summary>Adds normals (same length; caller keeps the spans).</summary>
    /// <exception cref="ArgumentException">Lengths differ.</exception>
    public void Add(ReadOnlySpan<Vector3> gt, ReadOnlySpan<Vector3> pred)
    {
        if (gt.Length != pred.Length)
            throw new ArgumentException($"ground truth has {gt.Length} normals, prediction {pred.Length}", nameof(pred));
        for (int i = 0; i < gt.Length; i++)
        {
            if (!IsValid(gt[i]) || !IsValid(pred[i])) { _invalid++; continue; }
            double angle = AngleDeg(gt[i], pred[i]);
            _sumDeg += angle;
            _count++;
            if (angle < 11.25) _under11++;
            if (angle < 22.5) _under22++;
            if (angle < 30.0) _under30++;
            int bin = Math.Min((int)(angle / BinDeg), _histogram.Length - 1);
            _histogram[bin]++;
        }
    }

    /// <summary>The metrics so far (NaN values and zero pixels when nothing valid was added).</summary>
    public NormalMetrics ToMetrics()
    {
        if (_count == 0) return new NormalMetrics(double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, 0, _invalid);
        double n = _count;
        double median = _count % 2 == 1
            ? RankValue((_count - 1) / 2)
            : 0.5 * (RankValue(_count / 2 - 1) + RankValue(_count / 2));
        return new NormalMetrics(_sumDeg / n, median, _under11 / n, _under22 / n, _under30 / n, _count, _invalid);
    }

    /// <summary>Angle in degrees between two valid (not necessarily unit) vectors, computed in double.</summary>
    public static double AngleDeg(Vector3 a, Vector3 b)
    {
        double ax = a.X, ay = a.Y, az = a.Z, bx = b.X, by = b.Y, bz = b.Z;
        // atan2(|a x b|, a.b) keeps precision near 0 and 180 degrees, where acos does not.
        double cx = ay * bz - az * by, cy = az * bx - ax * bz, cz = ax * by - ay * bx;
        double cross = Math.Sqrt(cx * cx + cy * cy + cz * cz);
        double dot = ax * bx + ay * by + az * bz;
        return Math.Atan2(cross, dot) * (180.0 / Math.PI);
    }

    private static bool IsValid(Vector3 v) =>
        float.IsFinite(v.X) && float.IsFinite(v.Y) && float.IsFinite(v.Z) && v.Length() >= MinLength;

    private double RankValue(long rank)
    {
        long seen = 0;
        for (int b = 0; b < _histogram.Length; b++)
        {
            seen += _histogram[b];
            if (seen > rank) return (b + 0.5) * BinDeg;
        }
        return 180.0;
    }
}
