using CvM.Geometry;

namespace CvM.Inference.Tests;

public sealed class ViewGeometryTests
{
    [Fact]
    public void WriteScaledK_SevenScenesTo160x120_ExactValues()
    {
        // 640x480, fx = fy = 585, cx = 320, cy = 240, scaled by 1/4: fx' = 146.25, cx' = (320 + 0.5) / 4 - 0.5 = 79.625.
        var K_cam = new Intrinsics(585, 585, 320, 240, 640, 480);
        var K = new float[9];
        var invK = new float[9];
        ViewGeometry.WriteScaledK(K_cam, 160, 120, K, invK);
        Assert.Equal([146.25f, 0, 79.625f, 0, 146.25f, 59.625f, 0, 0, 1], K);
        Assert.Equal(K_cam.ScaleTo(160, 120).K(), K);
        Assert.Equal(K_cam.ScaleTo(160, 120).InverseK(), invK);
    }

    [Fact]
    public void WriteScaledK_AnisotropicScale_InverseTimesKIsIdentity()
    {
        var K_cam = new Intrinsics(500, 480, 315.3, 241.7, 640, 480);
        var K = new float[9];
        var invK = new float[9];
        ViewGeometry.WriteScaledK(K_cam, 160, 128, K, invK);
        Assert.Equal(500 * 0.25, K[0], 4);
        Assert.Equal(480 * (128 / 480.0), K[4], 4);
        Assert.Equal((241.7 + 0.5) * (128 / 480.0) - 0.5, K[5], 4);
        for (var r = 0; r < 3; r++)
            for (var c = 0; c < 3; c++)
            {
                double s = 0;
                for (var k = 0; k < 3; k++) s += K[r * 3 + k] * invK[k * 3 + c];
                Assert.Equal(r == c ? 1 : 0, s, 4);
            }
    }

    [Fact]
    public void WriteScaledK_PixelCentreMapsToSameRay()
    {
        // The centre of camera pixel (u, v) covers model pixel ((u + 0.5) s - 0.5): both must back-project to one ray.
        var K_cam = new Intrinsics(585, 585, 320, 240, 640, 480);
        var K = new float[9];
        var invK = new float[9];
        ViewGeometry.WriteScaledK(K_cam, 160, 120, K, invK);
        foreach (var (u, v) in new[] { (0.0, 0.0), (639.0, 479.0), (100.0, 300.0) })
        {
            var ray = K_cam.BackProject(u, v, 1);
            double um = (u + 0.5) / 4 - 0.5, vm = (v + 0.5) / 4 - 0.5;
            Assert.Equal(ray.X, invK[0] * um + invK[2], 5);
            Assert.Equal(ray.Y, invK[4] * vm + invK[5], 5);
        }
    }

    [Fact]
    public void WriteRelativePose_PureTranslation_KnownMatrix()
    {
        // Reference camera 1 m to the right of the source (world x): a reference point maps 1 m further along x in the source.
        var T_world_ref = new Pose3(UnitQuaternion.Identity, new Vector3d(1, 0, 0));
        var T_world_src = new Pose3(UnitQuaternion.Identity, new Vector3d(0, 0, 0.5));
        var T = new float[16];
        ViewGeometry.WriteRelativePose(T_world_src, T_world_ref, T);
        Assert.Equal([1, 0, 0, 1, 0, 1, 0, 0, 0, 0, 1, -0.5f, 0, 0, 0, 1], T);
    }

    [Fact]
    public void WriteRelativePose_Rotated_MapsPointsLikeHandComposedMatrices()
    {
        // Source rotated 90 degrees about world z, at (0, 2, 0); reference rotated 30 degrees about world x, at (1, 0, 0).
        var T_world_src = new Pose3(UnitQuaternion.FromAxisAngle(Vector3d.UnitZ, Math.PI / 2), new Vector3d(0, 2, 0));
        var T_world_ref = new Pose3(UnitQuaternion.FromAxisAngle(Vector3d.UnitX, Math.PI / 6), new Vector3d(1, 0, 0));
        var T = new float[16];
        ViewGeometry.WriteRelativePose(T_world_src, T_world_ref, T);
        // By hand: R_world_src = Rz(90) = [0 -1 0; 1 0 0; 0 0 1]; R_world_ref = Rx(30).
        double c = Math.Cos(Math.PI / 6), s = Math.Sin(Math.PI / 6);
        double[,] Rref = { { 1, 0, 0 }, { 0, c, -s }, { 0, s, c } };
        double[,] RsrcT = { { 0, 1, 0 }, { -1, 0, 0 }, { 0, 0, 1 } };
        var p_ref = new[] { 0.3, -0.7, 2.5 };
        var p_world = new double[3];
        for (var i = 0; i < 3; i++) p_world[i] = Rref[i, 0] * p_ref[0] + Rref[i, 1] * p_ref[1] + Rref[i, 2] * p_ref[2] + (i == 0 ? 1 : 0);
        double[] d = [p_world[0], p_world[1] - 2, p_world[2]];
        for (var i = 0; i < 3; i++)
        {
            var expected = RsrcT[i, 0] * d[0] + RsrcT[i, 1] * d[1] + RsrcT[i, 2] * d[2];
            var actual = T[i * 4] * p_ref[0] + T[i * 4 + 1] * p_ref[1] + T[i * 4 + 2] * p_ref[2] + T[i * 4 + 3];
            Assert.Equal(expected, actual, 5);
        }
        Assert.Equal([0f, 0, 0, 1], T[12..16]);
    }

    [Fact]
    public void WriteRelativePose_SamePose_Identity()
    {
        var p = new Pose3(UnitQuaternion.FromAxisAngle(new Vector3d(1, 2, 3), 0.7), new Vector3d(4, 5, 6));
        var T = new float[16];
        ViewGeometry.WriteRelativePose(p, p, T);
        var I = new float[16];
        ViewGeometry.WriteIdentity(I);
        for (var i = 0; i < 16; i++) Assert.Equal(I[i], T[i], 5);
        Assert.Equal([1f, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1], I);
    }

    [Fact]
    public void IsValid_NaNInfiniteOrNonUnit_False()
    {
        Assert.True(ViewGeometry.IsValid(Pose3.Identity));
        Assert.False(ViewGeometry.IsValid(new Pose3(UnitQuaternion.Identity, new Vector3d(double.NaN, 0, 0))));
        Assert.False(ViewGeometry.IsValid(new Pose3(UnitQuaternion.Identity, new Vector3d(0, double.PositiveInfinity, 0))));
        Assert.False(ViewGeometry.IsValid(new Pose3(new UnitQuaternion(double.NaN, 0, 0, 0), Vector3d.Zero)));
        Assert.False(ViewGeometry.IsValid(new Pose3(new UnitQuaternion(0, 0, 0, 0), Vector3d.Zero)));
        Assert.False(ViewGeometry.IsValid(new Pose3(new UnitQuaternion(2, 0, 0, 0), Vector3d.Zero)));
    }
}
