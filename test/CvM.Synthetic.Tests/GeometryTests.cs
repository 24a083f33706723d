using CvM.Geometry;

namespace CvM.Synthetic.Tests;

public sealed class GeometryTests
{
    private static readonly Pose3 T_a_b = new(UnitQuaternion.FromAxisAngle(new Vector3d(1, 2, 3), 0.7), new Vector3d(0.5, -1.2, 2.0));
    private static readonly Pose3 T_b_c = new(UnitQuaternion.FromAxisAngle(new Vector3d(-2, 0.5, 1), 1.9), new Vector3d(-0.3, 0.8, 0.1));

    /// <summary>Independent 4x4 matrix product and transform, from the row-major matrices.</summary>
    private static double[] Mul(double[] a, double[] b)
    {
        var c = new double[16];
        for (var i = 0; i < 4; i++)
            for (var j = 0; j < 4; j++)
                for (var k = 0; k < 4; k++) c[i * 4 + j] += a[i * 4 + k] * b[k * 4 + j];
        return c;
    }

    private static double[] Matrix(Pose3 p)
    {
        var m = new double[16];
        p.ToMatrix4x4(m);
        return m;
    }

    [Fact]
    public void Compose_TwoPoses_MatchesMatrixProduct()
    {
        var expected = Mul(Matrix(T_a_b), Matrix(T_b_c));
        var actual = Matrix(T_a_b * T_b_c);
        for (var i = 0; i < 16; i++) Assert.Equal(expected[i], actual[i], 12);
    }

    [Fact]
    public void Inverse_ComposedWithPose_GivesIdentity()
    {
        var id = Matrix(T_a_b.Inverse() * T_a_b);
        var id2 = Matrix(T_a_b * T_a_b.Inverse());
        for (var i = 0; i < 16; i++)
        {
            Assert.Equal(i % 5 == 0 ? 1.0 : 0.0, id[i], 12);
            Assert.Equal(i % 5 == 0 ? 1.0 : 0.0, id2[i], 12);
        }
    }

    [Fact]
    public void TransformPoint_KnownRotation_MatchesHandComputedValue()
    {
        // 90 degrees about z maps x to y; then translate.
        var T = new Pose3(UnitQuaternion.FromAxisAngle(Vector3d.UnitZ, Math.PI / 2), new Vector3d(1, 2, 3));
        var p = T.TransformPoint(new Vector3d(1, 0, 0));
        Assert.Equal(1.0, p.X, 12);
        Assert.Equal(3.0, p.Y, 12);
        Assert.Equal(3.0, p.Z, 12);
        var back = T.Inverse().TransformPoint(p);
        Assert.Equal(1.0, back.X, 12);
        Assert.Equal(0.0, back.Y, 12);
        Assert.Equal(0.0, back.Z, 12);
    }

    [Fact]
    public void FromXyzw_RosOrder90DegAboutZ_RotatesXToY()
    {
        // ROS order (x, y, z, w) = (0, 0, sin45, cos45), given unnormalised: 90 degrees about z; then translate.
        var T = new Pose3(UnitQuaternion.FromXyzw(0, 0, 2, 2), new Vector3d(1, 2, 3));
        var p = T.TransformPoint(new Vector3d(1, 0, 0));
        Assert.Equal(1.0, p.X, 12);
        Assert.Equal(3.0, p.Y, 12);
        Assert.Equal(3.0, p.Z, 12);
    }

    [Fact]
    public void FromMatrix4x4_RoundTrip_GivesSameTransform()
    {
        var m = Matrix(T_b_c);
        var back = Matrix(Pose3.FromMatrix4x4(m));
        for (var i = 0; i < 16; i++) Assert.Equal(m[i], back[i], 12);
    }

    [Fact]
    public void Slerp_Endpoints_GiveInputs()
    {
        var a = T_a_b.Rotation;
        var b = T_b_c.Rotation;
        Assert.True(UnitQuaternion.AngleBetween(UnitQuaternion.Slerp(a, b, 0), a) < 1e-9);
        Assert.True(UnitQuaternion.AngleBetween(UnitQuaternion.Slerp(a, b, 1), b) < 1e-9);
    }

    [Fact]
    public void Slerp_Midpoint_IsHalfAngleAboutSameAxis()
    {
        var axis = new Vector3d(0.3, -0.4, 0.866);
        var a = UnitQuaternion.FromAxisAngle(axis, 0.2);
        var b = UnitQuaternion.FromAxisAngle(axis, 1.4);
        var mid = UnitQuaternion.Slerp(a, b, 0.5);
        var expected = UnitQuaternion.FromAxisAngle(axis, 0.8);
        Assert.True(UnitQuaternion.AngleBetween(mid, expected) < 1e-9);
        Assert.Equal(0.6, UnitQuaternion.AngleBetween(a, mid), 9);
    }

    [Fact]
    public void Slerp_OppositeHemisphere_TakesShortArc()
    {
        var a = UnitQuaternion.FromAxisAngle(Vector3d.UnitZ, 0.1);
        var b = UnitQuaternion.FromAxisAngle(Vector3d.UnitZ, 0.5);
        var bNeg = new UnitQuaternion(-b.W, -b.X, -b.Y, -b.Z);
        var mid = UnitQuaternion.Slerp(a, bNeg, 0.5);
        Assert.True(UnitQuaternion.AngleBetween(mid, UnitQuaternion.FromAxisAngle(Vector3d.UnitZ, 0.3)) < 1e-9);
    }

    [Fact]
    public void Interpolate_Quarter_LerpsTranslationAndSlerpsRotation()
    {
        var a = new Pose3(UnitQuaternion.Identity, new Vector3d(0, 0, 0));
        var b = new Pose3(UnitQuaternion.FromAxisAngle(Vector3d.UnitY, 1.0), new Vector3d(4, -8, 2));
        var q = Pose3.Interpolate(a, b, 0.25);
        Assert.Equal(1.0, q.Translation.X, 12);
        Assert.Equal(-2.0, q.Translation.Y, 12);
        Assert.Equal(0.5, q.Translation.Z, 12);
        Assert.Equal(0.25, q.Rotation.Angle(), 9);
    }

    [Fact]
    public void PoseDistance_KnownPoses_GivesCentreDistanceAndAngle()
    {
        var a = new Pose3(UnitQuaternion.FromAxisAngle(Vector3d.UnitX, 0.3), new Vector3d(1, 1, 1));
        var b = new Pose3(UnitQuaternion.FromAxisAngle(Vector3d.UnitX, -0.2), new Vector3d(4, 5, 1));
        var d = PoseDistance.Between(a, b);
        Assert.Equal(5.0, d.CentreDistanceMeters, 12);
        Assert.Equal(0.5, d.RotationAngleRadians, 9);
    }

    [Fact]
    public void ScaleTo_HalfResolution_ScalesFocalAndShiftsPrincipalPointByPixelCentre()
    {
        var k = new Intrinsics(585, 585, 320, 240, 640, 480);
        var h = k.ScaleTo(320, 240);
        Assert.Equal(292.5, h.Fx, 12);
        Assert.Equal(292.5, h.Fy, 12);
        Assert.Equal((320 + 0.5) / 2 - 0.5, h.Cx, 12);
        Assert.Equal((240 + 0.5) / 2 - 0.5, h.Cy, 12);
        // A ray through a point maps to the same continuous image position (scaled, pixel-centre convention).
        var p = new Vector3d(0.3, -0.2, 2.0);
        Assert.True(k.TryProject(p, out var u, out var v));
        Assert.True(h.TryProject(p, out var u2, out var v2));
        Assert.Equal((u + 0.5) / 2 - 0.5, u2, 9);
        Assert.Equal((v + 0.5) / 2 - 0.5, v2, 9);
        var back = h.ScaleTo(640, 480);
        Assert.Equal(k.Cx, back.Cx, 9);
        Assert.Equal(k.Fy, back.Fy, 9);
    }

    [Fact]
    public void InverseK_TimesK_IsIdentity()
    {
        var k = new Intrinsics(140.5, 139.25, 79.5, 63.5, 160, 128);
        var K = k.K();
        var invK = k.InverseK();
        for (var i = 0; i < 3; i++)
            for (var j = 0; j < 3; j++)
            {
                double s = 0;
                for (var m = 0; m < 3; m++) s += (double)K[i * 3 + m] * invK[m * 3 + j];
                Assert.Equal(i == j ? 1.0 : 0.0, s, 5);
            }
        Assert.Equal(new float[] { 140.5f, 0, 79.5f, 0, 139.25f, 63.5f, 0, 0, 1 }, K);
    }

    [Fact]
    public void BackProject_ThenProject_ReturnsPixel()
    {
        var k = new Intrinsics(300, 310, 160.2, 120.7, 320, 240);
        var p = k.BackProject(17.25, 200.5, 3.5);
        Assert.Equal(3.5, p.Z, 12);
        Assert.True(k.TryProject(p, out var u, out var v));
        Assert.Equal(17.25, u, 9);
        Assert.Equal(200.5, v, 9);
        Assert.False(k.TryProject(new Vector3d(0, 0, -1), out _, out _));
    }

    [Fact]
    public void Intrinsics_NonPositiveFocal_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Intrinsics(0, 1, 0, 0, 10, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Intrinsics(1, 1, 0, 0, 0, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Intrinsics(1, 1, double.NaN, 0, 10, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Intrinsics(double.NaN, 1, 0, 0, 10, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Intrinsics(1, double.PositiveInfinity, 0, 0, 10, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Intrinsics(-1, 1, 0, 0, 10, 10));
    }

    [Fact]
    public void FromRotationMatrix_RandomRotations_RoundTrips()
    {
        var rng = new Random(5);
        Span<double> r = stackalloc double[9];
        for (var i = 0; i < 100; i++)
        {
            var q = new UnitQuaternion(rng.NextDouble() - 0.5, rng.NextDouble() - 0.5, rng.NextDouble() - 0.5, rng.NextDouble() - 0.5).Normalized();
            q.ToRotationMatrix(r);
            var back = UnitQuaternion.FromRotationMatrix(r);
            Assert.True(UnitQuaternion.AngleBetween(q, back) < 1e-9);
        }
    }
}
