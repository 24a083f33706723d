using CvM.Geometry;
using CvM.Keyframes.Pairing;
using CvM.Keyframes.Poses;
using CvM.Keyframes.Selection;

namespace CvM.Keyframes.Tests;

/// <summary>Odometry + camera_info + images through pairing, selection and keyframe insertion, as the node runs them.</summary>
public class PipelineScenarioTests
{
    private const long Ms = 1_000_000;
    private static readonly double[] K = [146.25, 0, 79.5, 0, 146.25, 59.5, 0, 0, 1];

    [Fact]
    public void PairSelectInsert_RobotForwardWithOdometryAt50Hz_FirstDuplicatedThenExactNearestViews()
    {
        var options = KeyframeOptions.Default;
        var odom = new PoseBuffer(options);
        var pairer = new FramePairer(options, new OdometryCameraPoseSource(odom, TestPoses.Mount(0.3, 0.5), options.PoseToleranceNs));
        var selector = new ViewSelector(options);
        using var keyframes = new KeyframeBuffer<int>(options, null);

        // Base at 0.325 m/s along x; odometry every 20 ms; images at 25 Hz, 10 ms after an odometry sample
        // (interpolated), so the camera advances 1.3 cm per image: keyframes every 3rd image, sources >= 5 images back.
        var odomIndex = 0;
        var modes = new List<(ViewSelection S, int Src1, int Src2)>();
        for (var f = 0; f < 40; f++)
        {
            var imageStamp = 10 * Ms + f * 40 * Ms;
            for (; odomIndex * 20 * Ms <= imageStamp + 10 * Ms; odomIndex++)
                odom.TryAdd(odomIndex * 20 * Ms, TestPoses.Yaw(0, x: 0.325 * odomIndex * 0.02), out _);
            pairer.TryAddCameraInfo(imageStamp, "cam_optical", 160, 120, K, out _);
            var frame = pairer.Pair(new ImageInput(imageStamp, "cam_optical", 160, 120));
            Assert.Equal(PairingOutcome.Paired, frame.Outcome);
            Assert.Equal(0.3 + 0.325 * imageStamp / 1e9, frame.T_world_cam.Translation.X, 12);
            var s = selector.Select(keyframes, frame.StampNs, frame.T_world_cam);
            modes.Add((s, s.Source1Index >= 0 ? keyframes[s.Source1Index].Payload : -1, s.Source2Index >= 0 ? keyframes[s.Source2Index].Payload : -1));
            keyframes.TryInsert(frame.StampNs, frame.T_world_cam, f, out _);
        }
        Assert.Equal(DuplicateReason.EmptyBuffer, modes[0].S.Reason);
        Assert.All(modes.Skip(1).Take(7), m => Assert.Equal(ViewSelectionMode.Duplicate, m.S.Mode));
        for (var f = 8; f < 40; f++)
        {
            var nearest = 3 * ((f - 5) / 3);
            Assert.Equal((nearest, nearest - 3), (modes[f].Src1, modes[f].Src2));
        }
        Assert.Equal(32, selector.Outcomes[DuplicateReason.None]);
        Assert.Equal(40, pairer.ImageOutcomes[PairingOutcome.Paired]);
    }

    [Fact]
    public void PairSelect_OdometryStops_LaterImagesDuplicatedAsNoPoseAndCounted()
    {
        var options = KeyframeOptions.Default;
        var odom = new PoseBuffer(options);
        for (var i = 0; i <= 25; i++) odom.TryAdd(i * 20 * Ms, TestPoses.Yaw(0, x: 0.01 * i), out _);
        var pairer = new FramePairer(options, new OdometryCameraPoseSource(odom, Pose3.Identity, options.PoseToleranceNs));
        var selector = new ViewSelector(options);
        using var keyframes = new KeyframeBuffer<int>(options, null);
        pairer.TryAddCameraInfo(0, "cam", 160, 120, K, out _);
        var noPose = 0;
        for (var f = 0; f < 30; f++)
        {
            var frame = pairer.Pair(new ImageInput(f * 40 * Ms, "cam", 160, 120));
            var s = frame.HasPose ? selector.Select(keyframes, frame.StampNs, frame.T_world_cam) : selector.SelectWithoutPose();
            if (frame.HasPose) keyframes.TryInsert(frame.StampNs, frame.T_world_cam, f, out _);
            if (s.Reason == DuplicateReason.NoPose) noPose++;
        }
        // Odometry ends at 500 ms; images up to 520 ms are held within the 20 ms tolerance (frames 0..13).
        Assert.Equal(16, noPose);
        Assert.Equal(16, pairer.PoseFailures[PoseLookupStatus.TooNew]);
        Assert.Equal(16, selector.Outcomes[DuplicateReason.NoPose]);
    }
}
