using CvM.Geometry;
using CvM.Keyframes.Poses;

namespace CvM.Keyframes.Tests;

public class CameraPoseSourceTests
{
    private const long Ms = 1_000_000;
    private static readonly KeyframeOptions Options = KeyframeOptions.Default;
    private static readonly Pose3 T_base_cam = TestPoses.Mount(0.2, 0.5);

    private static PoseBuffer Odometry()
    {
        var odom = new PoseBuffer(Options);
        for (var i = 0; i <= 100; i++) odom.TryAdd(i * 20 * Ms, TestPoses.Yaw(0.4 * i * 0.02, x: 0.5 * i * 0.02), out _);
        return odom;
    }

    private static double[,] Expected(long stampNs)
    {
        var t = stampNs / 1e9;
        return TestPoses.Multiply(TestPoses.Homogeneous(TestPoses.Yaw(0.4 * t, x: 0.5 * t)), TestPoses.Homogeneous(T_base_cam));
    }

    [Fact]
    public void TryGetCameraPose_OdometryWithMountingParameter_ComposesBaseAndMount()
    {
        var source = new OdometryCameraPoseSource(Odometry(), T_base_cam, Options.PoseToleranceNs);
        Assert.True(source.TryGetCameraPose(1234 * Ms, "camera_optical", out var T_world_cam, out _));
        TestPoses.AssertClose(Expected(1234 * Ms), T_world_cam, 1e-9);
        // The optical axis points along the base's heading (yaw 0.4 t).
        var forward = T_world_cam.TransformDirection(Vector3d.UnitZ);
        Assert.Equal(Math.Cos(0.4 * 1.234), forward.X, 9);
        Assert.Equal(Math.Sin(0.4 * 1.234), forward.Y, 9);
    }

    [Fact]
    public void TryGetCameraPose_OdometryWithTfStaticMounting_SameAsParameter()
    {
        var tf = new TransformBuffer(Options);
        var T_base_link = new Pose3(UnitQuaternion.Identity, new Vector3d(0.2, 0, 0.5));
        tf.TrySetStatic("base_link", "camera_link", T_base_link, out _);
        tf.TrySetStatic("camera_link", "camera_optical", new Pose3(TestPoses.R_base_optical, Vector3d.Zero), out _);
        var source = new OdometryCameraPoseSource(Odometry(), tf, "base_link", Options.PoseToleranceNs);
        Assert.True(source.TryGetCameraPose(777 * Ms, "camera_optical", out var T_world_cam, out _));
        TestPoses.AssertClose(Expected(777 * Ms), T_world_cam, 1e-9);

        Assert.False(source.TryGetCameraPose(777 * Ms, "other_camera", out _, out var status));
        Assert.Equal(PoseLookupStatus.UnknownFrame, status);
    }

    [Fact]
    public void TryGetCameraPose_TfOnly_OdomToOptical()
    {
        var tf = new TransformBuffer(Options);
        tf.TrySetStatic("base_link", "camera_optical", T_base_cam, out _);
        for (var i = 0; i <= 100; i++) tf.TryAddDynamic(i * 20 * Ms, "odom", "base_link", TestPoses.Yaw(0.4 * i * 0.02, x: 0.5 * i * 0.02), out _);
        var source = new TfCameraPoseSource(tf, "odom", Options.PoseToleranceNs);
        Assert.True(source.TryGetCameraPose(1501 * Ms, "camera_optical", out var T_world_cam, out _));
        TestPoses.AssertClose(Expected(1501 * Ms), T_world_cam, 1e-9);
    }

    [Fact]
    public void TryGetCameraPose_StampBeyondTolerance_TooNew()
    {
        var source = new OdometryCameraPoseSource(Odometry(), T_base_cam, Options.PoseToleranceNs);
        Assert.False(source.TryGetCameraPose(2000 * Ms + Options.PoseToleranceNs + 1, "cam", out _, out var status));
        Assert.Equal(PoseLookupStatus.TooNew, status);
        Assert.True(source.TryGetCameraPose(2000 * Ms + Options.PoseToleranceNs, "cam", out _, out _));
    }
}
