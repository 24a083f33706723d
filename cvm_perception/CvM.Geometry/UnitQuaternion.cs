namespace CvM.Geometry;

/// <summary>
/// A rotation as a unit quaternion (Hamilton convention, w + xi + yj + zk, active rotation
/// v' = q v q*), double precision. ROS messages order the fields (x, y, z, w): use <see cref="FromXyzw"/>.
/// Constructors do not normalise; <see cref="Normalized"/> and the factory methods do.
/// </summary>
public readonly record struct UnitQuaternion(double W, double X, double Y, double Z)
{
    /// <summary>The identity rotation.</summary>
    public static UnitQuaternion Identity => new(1, 0, 0, 0);

    /// <summary>From ROS field order (x, y, z, w); normalised.</summary>
    public static UnitQuaternion FromXyzw(double x, double y, double z, double w) => new UnitQuaternion(w, x, y, z).Normalized();

    /// <summary>Rotation of <paramref name="angleRad"/> about <paramref name="axis"/> (need not be unit, must be non-zero).</summary>
    public static UnitQuaternion FromAxisAngle(Vector3d axis, double angleRad)
    {
        var a = axis.Normalized();
        if (a.LengthSquared == 0) throw new ArgumentException("rotation axis must be non-zero", nameof(axis));
        var s = Math.Sin(0.5 * angleRad);
        return new UnitQuaternion(Math.Cos(0.5 * angleRad), a.X * s, a.Y * s, a.Z * s);
    }

    /// <summary>
    /// From a proper rotation matrix, row-major (r00 r01 r02 r10 ...). Uses only +,-,*,/ and sqrt, so it is
    /// bit-reproducible. The result has w &gt;= 0.
    /// </summary>
    public static UnitQuaternion FromRotationMatrix(ReadOnlySpan<double> R_rowMajor9)
    {
        if (R_rowMajor9.Length < 9) throw new ArgumentException("need 9 elements", nameof(R_rowMajor9));
        double m00 = R_rowMajor9[0], m01 = R_rowMajor9[1], m02 = R_rowMajor9[2];
        double m10 = R_rowMajor9[3], m11 = R_rowMajor9[4], m12 = R_rowMajor9[5];
        double m20 = R_rowMajor9[6], m21 = R_rowMajor9[7], m22 = R_rowMajor9[8];
        var trace = m00 + m11 + m22;
        UnitQuaternion q;
        if (trace > 0)
        {
            var s = Math.Sqrt(trace + 1.0) * 2;
            q = new UnitQuaternion(0.25 * s, (m21 - m12) / s, (m02 - m20) / s, (m10 - m01) / s);
        }
        else if (m00 > m11 && m00 > m22)
        {
            var s = Math.Sqrt(1.0 + m00 - m11 - m22) * 2;
            q = new UnitQuaternion((m21 - m12) / s, 0.25 * s, (m01 + m10) / s, (m02 + m20) / s);
        }
        else if (m11 > m22)
        {
            var s = Math.Sqrt(1.0 + m11 - m00 - m22) * 2;
            q = new UnitQuaternion((m02 - m20) / s, (m01 + m10) / s, 0.25 * s, (m12 + m21) / s);
        }
        else
        {
            var s = Math.Sqrt(1.0 + m22 - m00 - m11) * 2;
            q = new UnitQuaternion((m10 - m01) / s, (m02 + m20) / s, (m12 + m21) / s, 0.25 * s);
        }
        q = q.Normalized();
        return q.W < 0 ? new UnitQuaternion(-q.W, -q.X, -q.Y, -q.Z) : q;
    }

    /// <summary>Quaternion norm (1 for a valid rotation).</summary>
    public double Norm => Math.Sqrt(W * W + X * X + Y * Y + Z * Z);

    /// <summary>This quaternion scaled to unit norm; throws for the zero quaternion.</summary>
    public UnitQuaternion Normalized()
    {
        var n = Norm;
        if (!(n > 0) || double.IsInfinity(n)) throw new ArgumentException("quaternion has zero or non-finite norm");
        return new UnitQuaternion(W / n, X / n, Y / n, Z / n);
    }

    /// <summary>The inverse rotation (the conjugate, for a unit quaternion).</summary>
    public UnitQuaternion Conjugate() => new(W, -X, -Y, -Z);

    /// <summary>Hamilton product: applying <paramref name="b"/> first, then <paramref name="a"/>.</summary>
    public static UnitQuaternion operator *(UnitQuaternion a, UnitQuaternion b) => new(
        a.W * b.W - a.X * b.X - a.Y * b.Y - a.Z * b.Z,
        a.W * b.X + a.X * b.W + a.Y * b.Z - a.Z * b.Y,
        a.W * b.Y - a.X * b.Z + a.Y * b.W + a.Z * b.X,
        a.W * b.Z + a.X * b.Y - a.Y * b.X + a.Z * b.W);

    /// <summary>Rotates a vector: q v q*.</summary>
    public Vector3d Rotate(Vector3d v)
    {
        // t = 2 (q_vec x v); v' = v + w t + q_vec x t
        var tx = 2 * (Y * v.Z - Z * v.Y);
        var ty = 2 * (Z * v.X - X * v.Z);
        var tz = 2 * (X * v.Y - Y * v.X);
        return new Vector3d(
            v.X + W * tx + (Y * tz - Z * ty),
            v.Y + W * ty + (Z * tx - X * tz),
            v.Z + W * tz + (X * ty - Y * tx));
    }

    /// <summary>Writes the rotation matrix, row-major, into 9 elements.</summary>
    public void ToRotationMatrix(Span<double> R_rowMajor9)
    {
        if (R_rowMajor9.Length < 9) throw new ArgumentException("need 9 elements", nameof(R_rowMajor9));
        double xx = X * X, yy = Y * Y, zz = Z * Z, xy = X * Y, xz = X * Z, yz = Y * Z, wx = W * X, wy = W * Y, wz = W * Z;
        R_rowMajor9[0] = 1 - 2 * (yy + zz); R_rowMajor9[1] = 2 * (xy - wz); R_rowMajor9[2] = 2 * (xz + wy);
        R_rowMajor9[3] = 2 * (xy + wz); R_rowMajor9[4] = 1 - 2 * (xx + zz); R_rowMajor9[5] = 2 * (yz - wx);
        R_rowMajor9[6] = 2 * (xz - wy); R_rowMajor9[7] = 2 * (yz + wx); R_rowMajor9[8] = 1 - 2 * (xx + yy);
    }

    /// <summary>Rotation angle in [0, pi] of this rotation.</summary>
    public double Angle()
    {
        var v = Math.Sqrt(X * X + Y * Y + Z * Z);
        return 2 * Math.Atan2(v, Math.Abs(W));
    }

    /// <summary>Angle in [0, pi] of the relative rotation between <paramref name="a"/> and <paramref name="b"/>.</summary>
    public static double AngleBetween(UnitQuaternion a, UnitQuaternion b) => (a.Conjugate() * b).Angle();

    /// <summary>
    /// Spherical linear interpolation along the shorter arc: t = 0 gives <paramref name="a"/>, t = 1 gives
    /// <paramref name="b"/> (or -b, the same rotation). Falls back to normalised linear interpolation when the
    /// two are nearly equal.
    /// </summary>
    public static UnitQuaternion Slerp(UnitQuaternion a, UnitQuaternion b, double t)
    {
        var dot = a.W * b.W + a.X * b.X + a.Y * b.Y + a.Z * b.Z;
        if (dot < 0)
        {
            b = new UnitQuaternion(-b.W, -b.X, -b.Y, -b.Z);
            dot = -dot;
        }
        double wa, wb;
        if (dot > 0.9999995)
        {
            wa = 1 - t;
            wb = t;
        }
        else
        {
            var theta = Math.Acos(Math.Min(1.0, dot));
            var sinTheta = Math.Sin(theta);
            wa = Math.Sin((1 - t) * theta) / sinTheta;
            wb = Math.Sin(t * theta) / sinTheta;
        }
        return new UnitQuaternion(wa * a.W + wb * b.W, wa * a.X + wb * b.X, wa * a.Y + wb * b.Y, wa * a.Z + wb * b.Z).Normalized();
    }
}
