namespace CvM.Geometry;

/// <summary>
/// A 3-vector in double precision (a point or a direction; the frame is carried by the variable's name,
/// e.g. <c>p_world</c>). Immutable value type; arithmetic is plain scalar IEEE math in a fixed order, so
/// results are bit-identical across machines.
/// </summary>
public readonly record struct Vector3d(double X, double Y, double Z)
{
    /// <summary>(0, 0, 0).</summary>
    public static Vector3d Zero => default;

    /// <summary>Unit x axis.</summary>
    public static Vector3d UnitX => new(1, 0, 0);

    /// <summary>Unit y axis.</summary>
    public static Vector3d UnitY => new(0, 1, 0);

    /// <summary>Unit z axis.</summary>
    public static Vector3d UnitZ => new(0, 0, 1);

    /// <summary>Euclidean length.</summary>
    public double Length => Math.Sqrt(X * X + Y * Y + Z * Z);

    /// <summary>Squared Euclidean length.</summary>
    public double LengthSquared => X * X + Y * Y + Z * Z;

    /// <summary>This vector scaled to unit length; the zero vector stays zero.</summary>
    public Vector3d Normalized()
    {
        var len = Length;
        return len > 0 ? new Vector3d(X / len, Y / len, Z / len) : this;
    }

    /// <summary>Dot product.</summary>
    public static double Dot(Vector3d a, Vector3d b) => a.X * b.X + a.Y * b.Y + a.Z * b.Z;

    /// <summary>Cross product a x b.</summary>
    public static Vector3d Cross(Vector3d a, Vector3d b) =>
        new(a.Y * b.Z - a.Z * b.Y, a.Z * b.X - a.X * b.Z, a.X * b.Y - a.Y * b.X);

    /// <summary>Euclidean distance between two points.</summary>
    public static double Distance(Vector3d a, Vector3d b) => (a - b).Length;

    /// <summary>Linear interpolation a + t (b - a).</summary>
    public static Vector3d Lerp(Vector3d a, Vector3d b, double t) =>
        new(a.X + t * (b.X - a.X), a.Y + t * (b.Y - a.Y), a.Z + t * (b.Z - a.Z));

    public static Vector3d operator +(Vector3d a, Vector3d b) => new(a.X + b.X, a.Y + b.Y, a.Z + b.Z);

    public static Vector3d operator -(Vector3d a, Vector3d b) => new(a.X - b.X, a.Y - b.Y, a.Z - b.Z);

    public static Vector3d operator -(Vector3d a) => new(-a.X, -a.Y, -a.Z);

    public static Vector3d operator *(Vector3d a, double s) => new(a.X * s, a.Y * s, a.Z * s);

    public static Vector3d operator *(double s, Vector3d a) => new(a.X * s, a.Y * s, a.Z * s);

    public static Vector3d operator /(Vector3d a, double s) => new(a.X / s, a.Y / s, a.Z / s);
}
