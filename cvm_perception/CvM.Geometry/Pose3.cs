namespace CvM.Geometry;

/// <summary>
/// A rigid transform T_a_b (maps points in frame b to frame a): p_a = R p_b + t, rotation as a unit
/// quaternion and translation in metres, double precision. Poses are camera-to-world
/// (<c>T_world_cam</c>) unless a name says otherwise; camera frames are optical (x right, y down,
/// z forward; REP 103/105). Immutable value type.
/// </summary>
public readonly record struct Pose3(UnitQuaternion Rotation, Vector3d Translation)
{
    /// <summary>The identity transform.</summary>
    public static Pose3 Identity => new(UnitQuaternion.Identity, Vector3d.Zero);

    /// <summary>
    /// Composition: with <paramref name="T_a_b"/> and <paramref name="T_b_c"/> gives T_a_c
    /// (apply T_b_c first).
    /// </summary>
    public static Pose3 operator *(Pose3 T_a_b, Pose3 T_b_c) =>
        new(T_a_b.Rotation * T_b_c.Rotation, T_a_b.Rotation.Rotate(T_b_c.Translation) + T_a_b.Translation);

    /// <summary>Same as the <c>*</c> operator: T_a_c = T_a_b * T_b_c.</summary>
    public static Pose3 Compose(Pose3 T_a_b, Pose3 T_b_c) => T_a_b * T_b_c;

    /// <summary>The inverse transform: for T_a_b returns T_b_a.</summary>
    public Pose3 Inverse()
    {
        var rInv = Rotation.Conjugate();
        return new Pose3(rInv, -rInv.Rotate(Translation));
    }

    /// <summary>Maps a point of frame b into frame a: R p + t.</summary>
    public Vector3d TransformPoint(Vector3d p_b) => Rotation.Rotate(p_b) + Translation;

    /// <summary>Maps a direction (no translation) of frame b into frame a: R v.</summary>
    public Vector3d TransformDirection(Vector3d v_b) => Rotation.Rotate(v_b);

    /// <summary>
    /// Relative transform between two camera-to-world poses: T_src_ref = inverse(T_world_src) * T_world_ref
    /// (maps points of the reference camera frame into the source camera frame).
    /// </summary>
    public static Pose3 Relative(Pose3 T_world_src, Pose3 T_world_ref) => T_world_src.Inverse() * T_world_ref;

    /// <summary>Writes the 4x4 homogeneous matrix, row-major, into 16 doubles.</summary>
    public void ToMatrix4x4(Span<double> T_rowMajor16)
    {
        if (T_rowMajor16.Length < 16) throw new ArgumentException("need 16 elements", nameof(T_rowMajor16));
        Span<double> r = stackalloc double[9];
        Rotation.ToRotationMatrix(r);
        for (var i = 0; i < 3; i++)
        {
            T_rowMajor16[i * 4 + 0] = r[i * 3 + 0];
            T_rowMajor16[i * 4 + 1] = r[i * 3 + 1];
            T_rowMajor16[i * 4 + 2] = r[i * 3 + 2];
        }
        T_rowMajor16[3] = Translation.X;
        T_rowMajor16[7] = Translation.Y;
        T_rowMajor16[11] = Translation.Z;
        T_rowMajor16[12] = 0; T_rowMajor16[13] = 0; T_rowMajor16[14] = 0; T_rowMajor16[15] = 1;
    }

    /// <summary>Writes the 4x4 homogeneous matrix, row-major, into 16 floats (network inputs).</summary>
    public void ToMatrix4x4(Span<float> T_rowMajor16)
    {
        if (T_rowMajor16.Length < 16) throw new ArgumentException("need 16 elements", nameof(T_rowMajor16));
        Span<double> d = stackalloc double[16];
        ToMatrix4x4(d);
        for (var i = 0; i < 16; i++) T_rowMajor16[i] = (float)d[i];
    }

    /// <summary>From a 4x4 homogeneous matrix, row-major; the 3x3 block must be a rotation.</summary>
    public static Pose3 FromMatrix4x4(ReadOnlySpan<double> T_rowMajor16)
    {
        if (T_rowMajor16.Length < 16) throw new ArgumentException("need 16 elements", nameof(T_rowMajor16));
        Span<double> r = stackalloc double[9];
        for (var i = 0; i < 3; i++)
        {
            r[i * 3 + 0] = T_rowMajor16[i * 4 + 0];
            r[i * 3 + 1] = T_rowMajor16[i * 4 + 1];
            r[i * 3 + 2] = T_rowMajor16[i * 4 + 2];
        }
        return new Pose3(UnitQuaternion.FromRotationMatrix(r), new Vector3d(T_rowMajor16[3], T_rowMajor16[7], T_rowMajor16[11]));
    }

    /// <summary>
    /// Interpolates two poses of the same frames: translation linearly, rotation by SLERP; t = 0 gives
    /// <paramref name="a"/>, t = 1 gives <paramref name="b"/>. Values of t outside [0, 1] extrapolate.
    /// </summary>
    public static Pose3 Interpolate(Pose3 a, Pose3 b, double t) =>
        new(UnitQuaternion.Slerp(a.Rotation, b.Rotation, t), Vector3d.Lerp(a.Translation, b.Translation, t));
}
