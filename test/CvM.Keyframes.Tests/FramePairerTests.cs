using CvM.Geometry;
using CvM.Keyframes.Pairing;
using CvM.Keyframes.Poses;

namespace CvM.Keyframes.Tests;

public class FramePairerTests
{
    private const long Ms = 1_000_000;
    private static readonly KeyframeOptions Options = KeyframeOptions.Default;
    private static readonly double[] K640 = [525, 0, 319.5, 0, 525, 239.5, 0, 0, 1];

    private static (FramePairer Pairer, PoseBuffer Odom) NewPairer()
    {
        var odom = new PoseBuffer(Options);
        for (var i = 0; i <= 50; i++) odom.TryAdd(i * 20 * Ms, TestPoses.Yaw(0, x: 0.01 * i), out _);
        var pairer = new FramePairer(Options, new OdometryCameraPoseSource(odom, TestPoses.Mount(0, 0), Options.PoseToleranceNs));
        return (pairer, odom);
    }

    [Fact]
    public void Pair_ImageWithInfoAndPose_PairedWithInterpolatedPose()
    {
        var (pairer, _) = NewPairer();
        Assert.True(pairer.TryAddCameraInfo(110 * Ms, "cam", 640, 480, K640, out _));
        var frame = pairer.Pair(new ImageInput(110 * Ms, "cam", 640, 480));
        Assert.Equal(PairingOutcome.Paired, frame.Outcome);
        Assert.Equal(CameraInfoMatch.SameStamp, frame.CameraInfo);
        Assert.Equal(525, frame.K!.Fx);
        Assert.Equal(239.5, frame.K.Cy);
        Assert.Equal(0.055, frame.T_world_cam.Translation.X, 12);
        Assert.Equal(1, pairer.ImageOutcomes[PairingOutcome.Paired]);
    }

    [Fact]
    public void TryAddCameraInfo_KAllZero_RejectedAndCounted()
    {
        var (pairer, _) = NewPairer();
        Assert.False(pairer.TryAddCameraInfo(0, "cam", 640, 480, new double[9], out var outcome));
        Assert.Equal(CameraInfoOutcome.ZeroK, outcome);
        Assert.Equal(1, pairer.CameraInfoOutcomes[CameraInfoOutcome.ZeroK]);
        var frame = pairer.Pair(new ImageInput(0, "cam", 640, 480));
        Assert.Equal(PairingOutcome.NoCameraInfo, frame.Outcome);
        Assert.Null(frame.K);
        Assert.Equal(1, pairer.ImageOutcomes[PairingOutcome.NoCameraInfo]);
    }

    [Theory]
    [InlineData(double.NaN, 525.0, 1.0, CameraInfoOutcome.NonFinite)]
    [InlineData(525.0, double.PositiveInfinity, 1.0, CameraInfoOutcome.NonFinite)]
    [InlineData(-525.0, 525.0, 1.0, CameraInfoOutcome.InvalidK)]
    [InlineData(525.0, 0.0, 1.0, CameraInfoOutcome.InvalidK)]
    [InlineData(525.0, 525.0, 0.0, CameraInfoOutcome.InvalidK)]
    public void TryAddCameraInfo_BadK_RejectedByCause(double fx, double fy, double k22, CameraInfoOutcome expected)
    {
        var (pairer, _) = NewPairer();
        Assert.False(pairer.TryAddCameraInfo(0, "cam", 640, 480, [fx, 0, 319.5, 0, fy, 239.5, 0, 0, k22], out var outcome));
        Assert.Equal(expected, outcome);
        Assert.Equal(1, pairer.CameraInfoOutcomes[expected]);
        Assert.False(pairer.TryAddCameraInfo(0, "cam", 0, 480, K640, out outcome));
        Assert.Equal(CameraInfoOutcome.InvalidSize, outcome);
        Assert.False(pairer.TryAddCameraInfo(0, "", 640, 480, K640, out outcome));
        Assert.Equal(CameraInfoOutcome.InvalidFrameId, outcome);
    }

    [Fact]
    public void Pair_InfoOfOtherFrameOrSize_DroppedAndCounted()
    {
        var (pairer, _) = NewPairer();
        pairer.TryAddCameraInfo(100 * Ms, "cam", 640, 480, K640, out _);
        Assert.Equal(PairingOutcome.NoCameraInfo, pairer.Pair(new ImageInput(100 * Ms, "other", 640, 480)).Outcome);
        Assert.Equal(PairingOutcome.SizeMismatch, pairer.Pair(new ImageInput(100 * Ms, "cam", 320, 240)).Outcome);
        Assert.Equal(PairingOutcome.InvalidImage, pairer.Pair(new ImageInput(100 * Ms, "cam", 0, 0)).Outcome);
        Assert.Equal(1, pairer.ImageOutcomes[PairingOutcome.NoCameraInfo]);
        Assert.Equal(1, pairer.ImageOutcomes[PairingOutcome.SizeMismatch]);
        Assert.Equal(1, pairer.ImageOutcomes[PairingOutcome.InvalidImage]);
    }

    [Fact]
    public void Pair_SeveralInfos_NearestStampWithinToleranceElseLatest()
    {
        var (pairer, _) = NewPairer();
        pairer.TryAddCameraInfo(100 * Ms, "/cam", 640, 480, [500, 0, 320, 0, 500, 240, 0, 0, 1], out _);
        pairer.TryAddCameraInfo(133 * Ms, "cam", 640, 480, [510, 0, 320, 0, 510, 240, 0, 0, 1], out _);
        pairer.TryAddCameraInfo(166 * Ms, "cam", 640, 480, [520, 0, 320, 0, 520, 240, 0, 0, 1], out _);
        var a = pairer.Pair(new ImageInput(101 * Ms, "cam", 640, 480));
        Assert.Equal((500.0, CameraInfoMatch.SameStamp), (a.K!.Fx, a.CameraInfo));
        var b = pairer.Pair(new ImageInput(133 * Ms, "/cam", 640, 480));
        Assert.Equal((510.0, CameraInfoMatch.SameStamp), (b.K!.Fx, b.CameraInfo));
        var c = pairer.Pair(new ImageInput(150 * Ms, "cam", 640, 480));
        Assert.Equal((520.0, CameraInfoMatch.Latest), (c.K!.Fx, c.CameraInfo));
    }

    [Fact]
    public void TryAddCameraInfo_SameValuesAgain_ReusesIntrinsicsInstance()
    {
        var (pairer, _) = NewPairer();
        pairer.TryAddCameraInfo(100 * Ms, "cam", 640, 480, K640, out _);
        var first = pairer.Pair(new ImageInput(100 * Ms, "cam", 640, 480)).K;
        pairer.TryAddCameraInfo(133 * Ms, "cam", 640, 480, K640, out _);
        Assert.Same(first, pairer.Pair(new ImageInput(133 * Ms, "cam", 640, 480)).K);
    }

    [Fact]
    public void Pair_PoseOutsideTolerance_GoesOnDuplicatedCountedByCause()
    {
        var (pairer, odom) = NewPairer();
        pairer.TryAddCameraInfo(0, "cam", 640, 480, K640, out _);
        var late = pairer.Pair(new ImageInput(1000 * Ms + Options.PoseToleranceNs + 1, "cam", 640, 480));
        Assert.Equal(PairingOutcome.NoPose, late.Outcome);
        Assert.Equal(PoseLookupStatus.TooNew, late.PoseStatus);
        Assert.NotNull(late.K);
        Assert.True(late.IsUsable);
        Assert.False(late.HasPose);

        // A gap in odometry: nothing between 1000 ms and 2000 ms.
        odom.TryAdd(2000 * Ms, TestPoses.Yaw(0, x: 1), out _);
        var gap = pairer.Pair(new ImageInput(1500 * Ms, "cam", 640, 480));
        Assert.Equal(PoseLookupStatus.GapTooLarge, gap.PoseStatus);

        Assert.Equal(2, pairer.ImageOutcomes[PairingOutcome.NoPose]);
        Assert.Equal(1, pairer.PoseFailures[PoseLookupStatus.TooNew]);
        Assert.Equal(1, pairer.PoseFailures[PoseLookupStatus.GapTooLarge]);
    }

    [Fact]
    public void Pair_NoPoseSource_DuplicatedAsNoSource()
    {
        var pairer = new FramePairer(Options, null);
        pairer.TryAddCameraInfo(0, "cam", 640, 480, K640, out _);
        var frame = pairer.Pair(new ImageInput(0, "cam", 640, 480));
        Assert.Equal(PairingOutcome.NoPose, frame.Outcome);
        Assert.Equal(PoseLookupStatus.NoSource, frame.PoseStatus);
        Assert.Equal(1, pairer.PoseFailures[PoseLookupStatus.NoSource]);
    }

    [Fact]
    public void Pair_NaNOdometrySample_RejectedAndNeighboursStillInterpolated()
    {
        var odom = new PoseBuffer(Options);
        odom.TryAdd(0, TestPoses.Yaw(0, x: 0), out _);
        Assert.False(odom.TryAdd(20 * Ms, new Pose3(new UnitQuaternion(double.NaN, 0, 0, 0), Vector3d.Zero), out _));
        odom.TryAdd(40 * Ms, TestPoses.Yaw(0, x: 0.04), out _);
        var pairer = new FramePairer(Options, new OdometryCameraPoseSource(odom, Pose3.Identity, Options.PoseToleranceNs));
        pairer.TryAddCameraInfo(0, "cam", 640, 480, K640, out _);
        var frame = pairer.Pair(new ImageInput(20 * Ms, "cam", 640, 480));
        Assert.Equal(PairingOutcome.Paired, frame.Outcome);
        Assert.Equal(0.02, frame.T_world_cam.Translation.X, 12);
        Assert.Equal(1, odom.Outcomes[PoseSampleOutcome.NonFinite]);
    }

    [Fact]
    public void Pair_ImageStampsGoingBackwards_DroppedAndCountedUntilClockReset()
    {
        var (pairer, _) = NewPairer();
        pairer.TryAddCameraInfo(0, "cam", 640, 480, K640, out _);
        Assert.Equal(PairingOutcome.Paired, pairer.Pair(new ImageInput(400 * Ms, "cam", 640, 480)).Outcome);
        Assert.Equal(PairingOutcome.StampBackwards, pairer.Pair(new ImageInput(360 * Ms, "cam", 640, 480)).Outcome);
        Assert.Equal(PairingOutcome.DuplicateStamp, pairer.Pair(new ImageInput(400 * Ms, "cam", 640, 480)).Outcome);
        Assert.Equal(PairingOutcome.Paired, pairer.Pair(new ImageInput(440 * Ms, "cam", 640, 480)).Outcome);
        Assert.Equal(1, pairer.ImageOutcomes[PairingOutcome.StampBackwards]);
        Assert.Equal(1, pairer.ImageOutcomes[PairingOutcome.DuplicateStamp]);
        Assert.Equal(0, pairer.ClockResets);

        // A jump back beyond the reset threshold (1 s) restarts the order instead of dropping forever.
        pairer.TryAddCameraInfo(1_500 * Ms, "cam", 640, 480, K640, out _);
        Assert.Equal(PairingOutcome.NoPose, pairer.Pair(new ImageInput(1_500 * Ms, "cam", 640, 480)).Outcome); // odometry ends at 1 s
        var afterReset = pairer.Pair(new ImageInput(100 * Ms, "cam", 640, 480));
        Assert.Equal(PairingOutcome.Paired, afterReset.Outcome);
        Assert.Equal(0.05, afterReset.T_world_cam.Translation.X, 12);
        Assert.Equal(1, pairer.ClockResets);
    }
}
