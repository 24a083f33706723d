using CvM.Geometry;

namespace CvM.Synthetic.Tests;

public sealed class PathAndOptionsTests
{
    [Theory]
    [InlineData(41)]
    [InlineData(42)]
    [InlineData(43)]
    public void Robot_Path_KeepsFixedHeightLevelCameraAndClearance(int seed)
    {
        var scene = SceneGenerator.Create(seed);
        var o = new CameraPathOptions { RobotCameraHeight = 0.6 };
        var path = CameraPath.Robot(scene, seed, 200, o);
        var travelled = 0.0;
        Span<double> r = stackalloc double[9];
        for (var i = 0; i < path.Count; i++)
        {
            var T = path.PoseAt(i);
            Assert.Equal(0.6, T.Translation.Z, 12);
            Assert.True(scene.Clearance(T.Translation) >= o.MinClearance - 1e-9);
            T.Rotation.ToRotationMatrix(r);
            // Optical axis (third column) horizontal, image x axis (first column) horizontal: level camera.
            Assert.Equal(0.0, r[8], 9);
            Assert.Equal(0.0, r[6], 9);
            // Image y axis (second column) points down in the world.
            Assert.Equal(-1.0, r[7], 9);
            if (i > 0) travelled += Vector3d.Distance(T.Translation, path.PoseAt(i - 1).Translation);
        }
        Assert.True(travelled > 2.0, $"robot moved only {travelled} m in 20 s");
    }

    [Theory]
    [InlineData(44)]
    [InlineData(45)]
    public void Handheld_Path_IsSmoothAndKeepsClearance(int seed)
    {
        var scene = SceneGenerator.Create(seed);
        var o = new CameraPathOptions();
        var path = CameraPath.Handheld(scene, seed, 200, o);
        for (var i = 0; i < path.Count; i++)
        {
            var T = path.PoseAt(i);
            Assert.True(scene.Clearance(T.Translation) >= o.MinClearance - 1e-9);
            Assert.InRange(T.Translation.Z, o.HandheldHeightMin - 1e-9, o.HandheldHeightMax + 1e-9);
            if (i == 0) continue;
            var d = PoseDistance.Between(path.PoseAt(i - 1), T);
            Assert.True(d.CentreDistanceMeters <= o.Speed / o.FrameRate + 1e-9);
            Assert.True(d.RotationAngleRadians < 0.35, $"rotation step {d.RotationAngleRadians} rad at frame {i}");
        }
    }

    [Fact]
    public void Create_OutOfRangeOptions_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SceneGenerator.Create(1, new SceneOptions { RoomLengthMin = 1 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => SceneGenerator.Create(1, new SceneOptions { FurnitureCount = 99 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => SceneGenerator.Create(1, new SceneOptions { RgbNoiseStd = double.NaN }));
        var scene = SceneGenerator.Create(1);
        Assert.Throws<ArgumentOutOfRangeException>(() => CameraPath.Robot(scene, 1, 10, new CameraPathOptions { Speed = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => CameraPath.Handheld(scene, 1, 0));
    }

    [Fact]
    public void Render_MismatchedBuffers_ThrowsArgumentException()
    {
        var scene = SceneGenerator.Create(1);
        Assert.Throws<ArgumentException>(() => scene.Render(Pose3.Identity, TestFrames.K160, new FrameBuffers(64, 48)));
    }

    [Fact]
    public void Render_CameraOutsideRoom_GivesInvalidPixelsNotCrash()
    {
        var scene = SceneGenerator.Create(1);
        var k = TestFrames.K160;
        var fb = new FrameBuffers(k.Width, k.Height);
        // Far outside the room, looking away from it: nothing is hit.
        var T = new Pose3(UnitQuaternion.Identity, new Vector3d(-50, -50, -50));
        scene.Render(T, k, fb);
        Assert.All(fb.DepthHW, d => Assert.Equal(0f, d));
        Assert.All(fb.LabelsHW, l => Assert.Equal(0, l));
        Assert.All(fb.PrimitiveIdsHW, id => Assert.Equal(-1, id));
    }

    [Fact]
    public void Render_DownwardCameraAtRoomCentre_SeesFloorAtCameraHeight()
    {
        // Independent ground truth: a camera looking straight down from height h sees the floor (or the 12 mm rug)
        // at z-depth h, with normal (0, 0, -1) in the optical frame.
        var scene = SceneGenerator.Create(8);
        var size = scene.RoomSize;
        var down = new double[] { 1, 0, 0, 0, -1, 0, 0, 0, -1 }; // x right, y -> -world y, z -> -world z
        var T = new Pose3(UnitQuaternion.FromRotationMatrix(down), new Vector3d(size.X / 2, size.Y / 2, 1.0));
        var k = Intrinsics.FromHorizontalFov(10 * Math.PI / 180, 16, 16);
        var fb = new FrameBuffers(16, 16);
        scene.Render(T, k, fb);
        var i = 8 * 16 + 8;
        Assert.Equal((byte)SemanticClass.Floor, fb.LabelsHW[i]);
        Assert.True(Math.Abs(fb.DepthHW[i] - 1.0) < 1e-5 || Math.Abs(fb.DepthHW[i] - 0.988) < 1e-5, $"depth {fb.DepthHW[i]}");
        Assert.Equal(-1f, fb.NormalsHW3[i * 3 + 2], 5);
    }
}
