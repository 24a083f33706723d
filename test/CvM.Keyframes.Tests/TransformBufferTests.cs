using CvM.Geometry;
using CvM.Keyframes.Poses;

namespace CvM.Keyframes.Tests;

public class TransformBufferTests
{
    private const long Ms = 1_000_000;

    private static readonly Pose3 T_map_odom = new(UnitQuaternion.FromAxisAngle(Vector3d.UnitZ, 0.3), new Vector3d(2, -1, 0));
    private static readonly Pose3 T_base_link = new(UnitQuaternion.FromAxisAngle(new Vector3d(0, 1, 0.2), 0.1), new Vector3d(0.25, 0.05, 0.4));
    private static readonly Pose3 T_link_optical = new(TestPoses.R_base_optical, new Vector3d(0.01, 0.02, 0.0));

    private static Pose3 OdomBase(double tS) => TestPoses.Yaw(0.5 * tS, x: 0.3 * tS, y: 0.1 * tS);

    /// <summary>map -> odom (static here), odom -> base_link (dynamic, 50 Hz), base_link -> camera_link -> camera_optical (static).</summary>
    private static TransformBuffer RobotTree()
    {
        var tf = new TransformBuffer(KeyframeOptions.Default);
        Assert.True(tf.TrySetStatic("map", "odom", T_map_odom, out _));
        Assert.True(tf.TrySetStatic("base_link", "camera_link", T_base_link, out _));
        Assert.True(tf.TrySetStatic("camera_link", "camera_optical", T_link_optical, out _));
        for (var i = 0; i <= 100; i++) Assert.True(tf.TryAddDynamic(i * 20 * Ms, "odom", "base_link", OdomBase(i * 0.02), out _));
        return tf;
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.31)]
    [InlineData(1.555)]
    public void TryLookup_MapToOptical_EqualsMatrixChain(double tS)
    {
        var tf = RobotTree();
        var stamp = (long)Math.Round(tS * 1e9);
        Assert.True(tf.TryLookup("map", "camera_optical", stamp, 0, out var T_map_optical, out var status));
        Assert.Equal(PoseLookupStatus.Ok, status);
        // Independent: 4x4 matrices from Rodrigues, odom->base interpolated by hand (constant-rate yaw and translation).
        var expected = TestPoses.Multiply(TestPoses.Multiply(TestPoses.Homogeneous(T_map_odom), TestPoses.Homogeneous(OdomBase(stamp / 1e9))),
            TestPoses.Multiply(TestPoses.Homogeneous(T_base_link), TestPoses.Homogeneous(T_link_optical)));
        TestPoses.AssertClose(expected, T_map_optical, 1e-9);
    }

    [Fact]
    public void TryLookup_ReverseAndSiblingFrames_ComposeThroughCommonAncestor()
    {
        var tf = RobotTree();
        Assert.True(tf.TrySetStatic("base_link", "lidar", TestPoses.Yaw(1.0, x: -0.2, z: 0.3), out _));
        var stamp = 700 * Ms;
        Assert.True(tf.TryLookup("camera_optical", "map", stamp, 0, out var T_optical_map, out _));
        Assert.True(tf.TryLookup("map", "camera_optical", stamp, 0, out var T_map_optical, out _));
        TestPoses.AssertClose(TestPoses.InverseRigid(TestPoses.Homogeneous(T_map_optical)), T_optical_map, 1e-12);

        Assert.True(tf.TryLookup("lidar", "camera_optical", stamp, 0, out var T_lidar_optical, out _));
        var expected = TestPoses.Multiply(TestPoses.InverseRigid(TestPoses.Homogeneous(TestPoses.Yaw(1.0, x: -0.2, z: 0.3))),
            TestPoses.Multiply(TestPoses.Homogeneous(T_base_link), TestPoses.Homogeneous(T_link_optical)));
        TestPoses.AssertClose(expected, T_lidar_optical, 1e-12);
    }

    [Fact]
    public void TryLookup_LeadingSlashAndSameFrame_Accepted()
    {
        var tf = RobotTree();
        Assert.True(tf.TryLookup("/map", "/camera_optical", 100 * Ms, 0, out var a, out _));
        Assert.True(tf.TryLookup("map", "camera_optical", 100 * Ms, 0, out var b, out _));
        Assert.Equal(b, a);
        Assert.True(tf.TryLookup("odom", "/odom", 100 * Ms, 0, out var identity, out _));
        Assert.Equal(Pose3.Identity, identity);
    }

    [Fact]
    public void TryLookup_FailuresOnThePath_TypedStatus()
    {
        var tf = RobotTree();
        Assert.False(tf.TryLookup("map", "nowhere", 0, 0, out _, out var status));
        Assert.Equal(PoseLookupStatus.UnknownFrame, status);
        Assert.False(tf.TryLookup("map", "camera_optical", 3000 * Ms, 20 * Ms, out _, out status));
        Assert.Equal(PoseLookupStatus.TooNew, status);
        Assert.True(tf.TrySetStatic("world2", "other", Pose3.Identity, out _));
        Assert.False(tf.TryLookup("map", "other", 0, 0, out _, out status));
        Assert.Equal(PoseLookupStatus.NoPath, status);
    }

    [Fact]
    public void TryAddDynamic_BadSamples_RejectedAndCountedByCause()
    {
        var tf = RobotTree();
        var before = tf.Outcomes[PoseSampleOutcome.Accepted];
        Assert.False(tf.TryAddDynamic(5000 * Ms, "odom", "base_link", new Pose3(UnitQuaternion.Identity, new Vector3d(double.NaN, 0, 0)), out var o));
        Assert.Equal(PoseSampleOutcome.NonFinite, o);
        Assert.False(tf.TryAddDynamic(5000 * Ms, "odom", "base_link", new Pose3(new UnitQuaternion(0, 0, 0, 0), Vector3d.Zero), out o));
        Assert.Equal(PoseSampleOutcome.NonUnitQuaternion, o);
        Assert.False(tf.TryAddDynamic(1500 * Ms, "odom", "base_link", Pose3.Identity, out o));
        Assert.Equal(PoseSampleOutcome.StampBackwards, o);
        Assert.False(tf.TryAddDynamic(5000 * Ms, "base_link", "base_link", Pose3.Identity, out o));
        Assert.Equal(PoseSampleOutcome.InvalidFrameId, o);
        Assert.False(tf.TryAddDynamic(5000 * Ms, "", "x", Pose3.Identity, out o));
        Assert.Equal(PoseSampleOutcome.InvalidFrameId, o);
        Assert.False(tf.TryAddDynamic(5000 * Ms, "camera_optical", "map", Pose3.Identity, out o));
        Assert.Equal(PoseSampleOutcome.Loop, o);
        Assert.False(tf.TryAddDynamic(5000 * Ms, "base_link", "camera_link", Pose3.Identity, out o));
        Assert.Equal(PoseSampleOutcome.StaticEdgeConflict, o);

        foreach (var cause in new[] { PoseSampleOutcome.NonFinite, PoseSampleOutcome.NonUnitQuaternion, PoseSampleOutcome.StampBackwards,
                     PoseSampleOutcome.Loop, PoseSampleOutcome.StaticEdgeConflict })
            Assert.Equal(1, tf.Outcomes[cause]);
        Assert.Equal(2, tf.Outcomes[PoseSampleOutcome.InvalidFrameId]);
        Assert.Equal(before, tf.Outcomes[PoseSampleOutcome.Accepted]);
        // The tree still answers as before.
        Assert.True(tf.TryLookup("map", "camera_optical", 1000 * Ms, 0, out _, out _));
    }

    [Fact]
    public void TryAddDynamic_NewParent_ReparentsAndClearsEdgeHistory()
    {
        var tf = RobotTree();
        Assert.True(tf.TryAddDynamic(3000 * Ms, "map", "base_link", TestPoses.Yaw(0, x: 7), out var o));
        Assert.Equal(PoseSampleOutcome.AcceptedReparented, o);
        Assert.True(tf.TryLookup("map", "base_link", 3000 * Ms, 0, out var T, out _));
        Assert.Equal(7, T.Translation.X, 12);
        Assert.False(tf.TryLookup("map", "base_link", 1000 * Ms, 20 * Ms, out _, out var status));
        Assert.Equal(PoseLookupStatus.TooOld, status);
    }

    [Fact]
    public void TrySetStatic_MoreFramesThanCapacity_TooManyFramesCounted()
    {
        var tf = new TransformBuffer(KeyframeOptions.Default with { MaxTfFrames = 3 });
        Assert.True(tf.TrySetStatic("a", "b", Pose3.Identity, out _));
        Assert.True(tf.TrySetStatic("b", "c", Pose3.Identity, out _));
        Assert.False(tf.TrySetStatic("c", "d", Pose3.Identity, out var o));
        Assert.Equal(PoseSampleOutcome.TooManyFrames, o);
        Assert.Equal(3, tf.FrameCount);
    }
}
