using CvM.Geometry;
using CvM.Keyframes.Selection;

namespace CvM.Keyframes.Tests;

public class ViewSelectorTests
{
    private const long Ms = 1_000_000;
    private static readonly KeyframeOptions Options = KeyframeOptions.Default;

    /// <summary>Feeds a trajectory of camera poses at 25 Hz: select, then insert; returns each frame's selection with source payloads (frame indices).</summary>
    private static List<(ViewSelection Selection, int Src1, int Src2)> Run(IReadOnlyList<Pose3> T_world_cam, KeyframeOptions options,
        bool checkAgainstReference = true)
    {
        var selector = new ViewSelector(options);
        using var buffer = new KeyframeBuffer<int>(options, null);
        var results = new List<(ViewSelection, int, int)>();
        for (var f = 0; f < T_world_cam.Count; f++)
        {
            var stamp = f * 40 * Ms;
            var s = selector.Select(buffer, stamp, T_world_cam[f]);
            if (checkAgainstReference && s.Mode == ViewSelectionMode.Multiview)
                Assert.Equal(ReferenceSelector.SelectIds(buffer, stamp, T_world_cam[f], options), new[] { s.Source1Id, s.Source2Id });
            else if (checkAgainstReference)
                Assert.True(ReferenceSelector.SelectIds(buffer, stamp, T_world_cam[f], options).Length < 2, $"frame {f}: reference found two views");
            results.Add((s, s.Source1Index >= 0 ? buffer[s.Source1Index].Payload : -1, s.Source2Index >= 0 ? buffer[s.Source2Index].Payload : -1));
            buffer.TryInsert(stamp, T_world_cam[f], f, out _);
        }
        return results;
    }

    [Fact]
    public void Select_RobotForwardAtConstantSpeed_TwoNearestBeyondMinBaseline()
    {
        // 0.325 m/s at 25 Hz: 1.3 cm per frame. Keyframes every 3rd frame (3.9 cm >= 3 cm > 2.6 cm).
        // Frame f sees keyframe 3k at 1.3 (f - 3k) cm, usable when >= 6 cm, i.e. f - 3k >= 5.
        var mount = TestPoses.Mount(0.3, 0.5);
        var poses = Enumerable.Range(0, 60).Select(f => TestPoses.Yaw(0, x: 0.013 * f) * mount).ToList();
        var results = Run(poses, Options);

        Assert.Equal((ViewSelectionMode.Duplicate, DuplicateReason.EmptyBuffer), (results[0].Selection.Mode, results[0].Selection.Reason));
        for (var f = 1; f <= 4; f++) Assert.Equal(DuplicateReason.NotEnoughBaseline, results[f].Selection.Reason);
        for (var f = 5; f <= 7; f++) Assert.Equal(DuplicateReason.OneUsableView, results[f].Selection.Reason);
        for (var f = 8; f < 60; f++)
        {
            var nearest = 3 * ((f - 5) / 3);
            Assert.Equal(ViewSelectionMode.Multiview, results[f].Selection.Mode);
            Assert.Equal((nearest, nearest - 3), (results[f].Src1, results[f].Src2));
            Assert.Equal(0.013 * (f - nearest), results[f].Selection.Source1DistanceM, 9);
        }
    }

    [Fact]
    public void Select_TurnInPlaceCameraOnAxis_AlwaysDuplicatedForBaseline()
    {
        var mount = TestPoses.Mount(0, 0.5);
        var poses = Enumerable.Range(0, 50).Select(f => TestPoses.Yaw(TestPoses.Deg(2 * f)) * mount).ToList();
        var results = Run(poses, Options);
        Assert.Equal(DuplicateReason.EmptyBuffer, results[0].Selection.Reason);
        Assert.All(results.Skip(1), r => Assert.Equal(DuplicateReason.NotEnoughBaseline, r.Selection.Reason));
    }

    [Fact]
    public void Select_TurnInPlaceCameraOffset_NearestWithinBaselineAndAngleWindow()
    {
        // Camera 0.2 m ahead of the axis, turning 2 deg per frame: keyframes every 5 deg -> every 3rd frame (6 deg).
        // Chord 2 r sin(a/2) >= 6 cm needs a >= 17.25 deg; the angle rule needs a <= 30 deg.
        var mount = TestPoses.Mount(0.2, 0.5);
        var poses = Enumerable.Range(0, 60).Select(f => TestPoses.Yaw(TestPoses.Deg(2 * f)) * mount).ToList();
        var results = Run(poses, Options);
        for (var f = 0; f < 60; f++)
        {
            var usable = Enumerable.Range(0, f).Where(k => k % 3 == 0 && 2 * (f - k) >= 17.25 && 2 * (f - k) <= 30).OrderByDescending(k => k).ToArray();
            if (usable.Length >= 2)
                Assert.Equal((usable[0], usable[1]), (results[f].Src1, results[f].Src2));
            else
                Assert.Equal(ViewSelectionMode.Duplicate, results[f].Selection.Mode);
        }
        Assert.Contains(results, r => r.Selection.Mode == ViewSelectionMode.Multiview);
        Assert.Contains(results, r => r.Selection.RejectedByAngle > 0);
    }

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    public void Select_HandheldWiggle_MatchesReferenceRule(int seed)
    {
        var rng = new Random(seed);
        var phase = Enumerable.Range(0, 6).Select(_ => rng.NextDouble() * 2 * Math.PI).ToArray();
        var poses = Enumerable.Range(0, 300).Select(f =>
        {
            var t = f * 0.04;
            var centre = new Vector3d(0.15 * t + 0.08 * Math.Sin(1.7 * t + phase[0]), 0.1 * Math.Sin(1.1 * t + phase[1]), 1.4 + 0.05 * Math.Sin(2.3 * t + phase[2]));
            var q = UnitQuaternion.FromAxisAngle(Vector3d.UnitY, 0.35 * Math.Sin(0.9 * t + phase[3]))
                    * UnitQuaternion.FromAxisAngle(Vector3d.UnitX, 0.15 * Math.Sin(1.3 * t + phase[4]))
                    * UnitQuaternion.FromAxisAngle(Vector3d.UnitZ, 0.1 * Math.Sin(2.1 * t + phase[5]));
            return new Pose3(q, centre);
        }).ToList();
        var results = Run(poses, Options with { KeyframeCapacity = 40 });
        Assert.True(results.Count(r => r.Selection.Mode == ViewSelectionMode.Multiview) > 150);
        Assert.Equal(DuplicateReason.EmptyBuffer, results[0].Selection.Reason);
    }

    [Fact]
    public void Select_EqualDistances_OlderKeyframeFirst()
    {
        var options = Options with { KeyframeMinTranslationM = 0 };
        using var buffer = new KeyframeBuffer<int>(options, null);
        // Keyframes at x = -0.1 (t=0), +0.1 (t=1), -0.1 again (t=2), +0.2 (t=3): reference at x = 0.
        buffer.TryInsert(0, TestPoses.Yaw(0, x: -0.1), 0, out _);
        buffer.TryInsert(40 * Ms, TestPoses.Yaw(0, x: 0.1), 1, out _);
        buffer.TryInsert(80 * Ms, TestPoses.Yaw(0, x: -0.1, y: 1e-17), 2, out _);
        buffer.TryInsert(120 * Ms, TestPoses.Yaw(0, x: 0.2), 3, out _);
        var s = new ViewSelector(options).Select(buffer, 160 * Ms, TestPoses.Yaw(0));
        Assert.Equal((0, 1), (buffer[s.Source1Index].Payload, buffer[s.Source2Index].Payload));
    }

    [Fact]
    public void Select_OldKeyframes_RejectedByAge()
    {
        using var buffer = new KeyframeBuffer<int>(Options, null);
        buffer.TryInsert(0, TestPoses.Yaw(0, x: 0), 0, out _);
        buffer.TryInsert(100 * Ms, TestPoses.Yaw(0, x: 0.1), 1, out _);
        var selector = new ViewSelector(Options);
        var fresh = selector.Select(buffer, 2900 * Ms, TestPoses.Yaw(0, x: 0.3));
        Assert.Equal(ViewSelectionMode.Multiview, fresh.Mode);
        var stale = selector.Select(buffer, 3050 * Ms, TestPoses.Yaw(0, x: 0.3));
        Assert.Equal((ViewSelectionMode.Duplicate, DuplicateReason.OneUsableView, 1), (stale.Mode, stale.Reason, stale.RejectedByAge));
        var allStale = selector.Select(buffer, 5000 * Ms, TestPoses.Yaw(0, x: 0.3));
        Assert.Equal(DuplicateReason.TooOld, allStale.Reason);
        Assert.Equal(1, selector.Outcomes[DuplicateReason.None]);
        Assert.Equal(1, selector.Outcomes[DuplicateReason.TooOld]);
    }

    [Fact]
    public void Select_OneUsableViewWithUseTwicePolicy_SameKeyframeTwice()
    {
        var options = Options with { SingleViewPolicy = SingleViewPolicy.UseSingleViewTwice };
        using var buffer = new KeyframeBuffer<int>(options, null);
        buffer.TryInsert(0, TestPoses.Yaw(0, x: 0), 0, out _);
        buffer.TryInsert(40 * Ms, TestPoses.Yaw(0, x: 0.1), 1, out _);
        var s = new ViewSelector(options).Select(buffer, 80 * Ms, TestPoses.Yaw(0, x: 0.12));
        Assert.Equal(ViewSelectionMode.SingleViewTwice, s.Mode);
        Assert.Equal((0, 0), (buffer[s.Source1Index].Payload, buffer[s.Source2Index].Payload));
        Assert.Equal(0.12, s.Source1DistanceM, 12);
        Assert.Equal(1, s.RejectedByBaseline);
    }

    [Fact]
    public void Select_NoPoseOrNaNPose_DuplicatedAsNoPose()
    {
        using var buffer = new KeyframeBuffer<int>(Options, null);
        buffer.TryInsert(0, TestPoses.Yaw(0), 0, out _);
        var selector = new ViewSelector(Options);
        Assert.Equal(DuplicateReason.NoPose, selector.SelectWithoutPose().Reason);
        Assert.Equal(DuplicateReason.NoPose, selector.Select(buffer, 10, TestPoses.Yaw(double.NaN)).Reason);
        Assert.Equal(2, selector.Outcomes[DuplicateReason.NoPose]);
    }
}
