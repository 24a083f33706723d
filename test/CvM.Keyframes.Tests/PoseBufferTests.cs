using CvM.Geometry;
using CvM.Keyframes.Poses;

namespace CvM.Keyframes.Tests;

public class PoseBufferTests
{
    private const long Ms = 1_000_000;
    private static readonly KeyframeOptions Options = KeyframeOptions.Default;

    private static PoseBuffer NewBuffer(int capacity = 64) =>
        new(capacity, Options.QuaternionNormTolerance, Options.ClockJumpBackResetNs, Options.MaxInterpolationGapNs);

    [Fact]
    public void TryGetPose_LinearMotion_InterpolationExact()
    {
        var buffer = NewBuffer();
        // 0.4 m/s along x and 0.1 m/s along z, samples every 20 ms.
        for (var i = 0; i <= 50; i++)
            Assert.True(buffer.TryAdd(i * 20 * Ms, new Pose3(UnitQuaternion.Identity, new Vector3d(0.4 * i * 0.02, 0, 0.1 * i * 0.02)), out _));
        foreach (var tMs in new[] { 0.0, 3.0, 10.0, 17.5, 250.0, 733.0, 999.999 })
        {
            var stamp = (long)Math.Round(tMs * Ms);
            Assert.True(buffer.TryGetPose(stamp, 0, out var T, out var status));
            Assert.Equal(PoseLookupStatus.Ok, status);
            var t = stamp / 1e9;
            Assert.Equal(0.4 * t, T.Translation.X, 12);
            Assert.Equal(0.1 * t, T.Translation.Z, 12);
        }
    }

    [Theory]
    [InlineData(0.0, 90.0)]
    [InlineData(10.0, 170.0)]
    [InlineData(-30.0, 45.0)]
    public void TryGetPose_MidpointOfRotation_SlerpMatchesHalfAngle(double yaw0Deg, double yaw1Deg)
    {
        var buffer = NewBuffer();
        var axis = new Vector3d(0.3, -0.5, 0.8);
        buffer.TryAdd(100 * Ms, new Pose3(UnitQuaternion.FromAxisAngle(axis, TestPoses.Deg(yaw0Deg)), Vector3d.Zero), out _);
        buffer.TryAdd(200 * Ms, new Pose3(UnitQuaternion.FromAxisAngle(axis, TestPoses.Deg(yaw1Deg)), Vector3d.Zero), out _);
        foreach (var fraction in new[] { 0.25, 0.5, 0.75 })
        {
            Assert.True(buffer.TryGetPose(100 * Ms + (long)(fraction * 100 * Ms), 0, out var T, out _));
            // Rotation about a fixed axis: SLERP is the rotation by the interpolated angle.
            var expected = UnitQuaternion.FromAxisAngle(axis, TestPoses.Deg(yaw0Deg + fraction * (yaw1Deg - yaw0Deg)));
            Assert.True(TestPoses.AngleBetween(expected, T.Rotation) < 1e-7);
        }
    }

    [Fact]
    public void TryGetPose_Empty_NoData()
    {
        Assert.False(NewBuffer().TryGetPose(5, 1000, out _, out var status));
        Assert.Equal(PoseLookupStatus.NoData, status);
    }

    [Fact]
    public void TryGetPose_OutsideHistory_TooOldTooNewOrHeldWithinTolerance()
    {
        var buffer = NewBuffer();
        buffer.TryAdd(100 * Ms, TestPoses.Yaw(0, x: 1), out _);
        buffer.TryAdd(120 * Ms, TestPoses.Yaw(0, x: 2), out _);

        Assert.False(buffer.TryGetPose(79 * Ms, 20 * Ms, out _, out var status));
        Assert.Equal(PoseLookupStatus.TooOld, status);
        Assert.False(buffer.TryGetPose(141 * Ms, 20 * Ms, out _, out status));
        Assert.Equal(PoseLookupStatus.TooNew, status);

        Assert.True(buffer.TryGetPose(81 * Ms, 20 * Ms, out var held, out _));
        Assert.Equal(1, held.Translation.X);
        Assert.True(buffer.TryGetPose(139 * Ms, 20 * Ms, out held, out _));
        Assert.Equal(2, held.Translation.X);
    }

    [Fact]
    public void TryGetPose_BracketingSamplesTooFarApart_GapTooLarge()
    {
        var buffer = NewBuffer();
        buffer.TryAdd(0, TestPoses.Yaw(0, x: 0), out _);
        buffer.TryAdd(1000 * Ms, TestPoses.Yaw(0, x: 1), out _); // a 1 s gap > 0.25 s
        Assert.False(buffer.TryGetPose(500 * Ms, 20 * Ms, out _, out var status));
        Assert.Equal(PoseLookupStatus.GapTooLarge, status);
        // Within the tolerance of a bracketing sample, that sample is held.
        Assert.True(buffer.TryGetPose(990 * Ms, 20 * Ms, out var T, out _));
        Assert.Equal(1, T.Translation.X);
    }

    [Theory]
    [InlineData(double.NaN, 0, 0, 1, 0)]
    [InlineData(0, double.PositiveInfinity, 0, 1, 0)]
    [InlineData(0, 0, 0, double.NaN, 0)]
    [InlineData(0, 0, 0, 1, double.NegativeInfinity)]
    public void TryAdd_NonFinitePose_RejectedAndCounted(double x, double y, double z, double qw, double qz)
    {
        var buffer = NewBuffer();
        buffer.TryAdd(0, Pose3.Identity, out _);
        Assert.False(buffer.TryAdd(10 * Ms, new Pose3(new UnitQuaternion(qw, 0, 0, qz), new Vector3d(x, y, z)), out var outcome));
        Assert.Equal(PoseSampleOutcome.NonFinite, outcome);
        Assert.Equal(1, buffer.Outcomes[PoseSampleOutcome.NonFinite]);
        Assert.Equal(1, buffer.Count);
        Assert.True(buffer.TryGetPose(0, 0, out var T, out _));
        Assert.Equal(Pose3.Identity, T);
    }

    [Fact]
    public void TryAdd_QuaternionSlightlyOffUnit_Normalised()
    {
        var buffer = NewBuffer();
        var q = UnitQuaternion.FromAxisAngle(Vector3d.UnitZ, 0.7);
        Assert.True(buffer.TryAdd(0, new Pose3(new UnitQuaternion(q.W * 1.005, q.X * 1.005, q.Y * 1.005, q.Z * 1.005), Vector3d.Zero), out _));
        Assert.True(buffer.TryGetPose(0, 0, out var T, out _));
        Assert.Equal(1, T.Rotation.Norm, 12);
        Assert.True(TestPoses.AngleBetween(q, T.Rotation) < 1e-9);
    }

    [Theory]
    [InlineData(0, 0, 0, 0)]
    [InlineData(1.1, 0, 0, 0)]
    [InlineData(0.5, 0.5, 0, 0)]
    public void TryAdd_QuaternionFarFromUnit_RejectedAndCounted(double w, double x, double y, double z)
    {
        var buffer = NewBuffer();
        Assert.False(buffer.TryAdd(0, new Pose3(new UnitQuaternion(w, x, y, z), Vector3d.Zero), out var outcome));
        Assert.Equal(PoseSampleOutcome.NonUnitQuaternion, outcome);
        Assert.Equal(1, buffer.Outcomes[PoseSampleOutcome.NonUnitQuaternion]);
        Assert.Equal(0, buffer.Count);
    }

    [Fact]
    public void TryAdd_StampsGoingBackwards_CountedAndHistoryConsistent()
    {
        var buffer = NewBuffer();
        buffer.TryAdd(100 * Ms, TestPoses.Yaw(0, x: 1), out _);
        buffer.TryAdd(200 * Ms, TestPoses.Yaw(0, x: 2), out _);
        Assert.False(buffer.TryAdd(150 * Ms, TestPoses.Yaw(0, x: 99), out var outcome));
        Assert.Equal(PoseSampleOutcome.StampBackwards, outcome);
        Assert.False(buffer.TryAdd(200 * Ms, TestPoses.Yaw(0, x: 99), out outcome));
        Assert.Equal(PoseSampleOutcome.DuplicateStamp, outcome);
        Assert.True(buffer.TryAdd(300 * Ms, TestPoses.Yaw(0, x: 3), out _));

        Assert.Equal(1, buffer.Outcomes[PoseSampleOutcome.StampBackwards]);
        Assert.Equal(1, buffer.Outcomes[PoseSampleOutcome.DuplicateStamp]);
        Assert.Equal(3, buffer.Outcomes[PoseSampleOutcome.Accepted]);
        Assert.Equal(3, buffer.Count);
        Assert.True(buffer.TryGetPose(150 * Ms, 0, out var T, out _));
        Assert.Equal(1.5, T.Translation.X, 12);
        Assert.True(buffer.TryGetPose(250 * Ms, 0, out T, out _));
        Assert.Equal(2.5, T.Translation.X, 12);
    }

    [Fact]
    public void TryAdd_LargeJumpBack_ClearsHistoryAndCountsReset()
    {
        var buffer = NewBuffer();
        buffer.TryAdd(10_000 * Ms, TestPoses.Yaw(0, x: 5), out _);
        buffer.TryAdd(10_020 * Ms, TestPoses.Yaw(0, x: 6), out _);
        Assert.True(buffer.TryAdd(5 * Ms, TestPoses.Yaw(0, x: 0), out var outcome)); // bag looped: 10 s back
        Assert.Equal(PoseSampleOutcome.AcceptedAfterClockReset, outcome);
        Assert.Equal(1, buffer.Count);
        Assert.Equal(5 * Ms, buffer.OldestStampNs);
        Assert.False(buffer.TryGetPose(10_010 * Ms, 20 * Ms, out _, out var status));
        Assert.Equal(PoseLookupStatus.TooNew, status);
    }

    [Fact]
    public void TryGetPose_AfterRingWraps_OldestEvictedAndLookupsStillExact()
    {
        var buffer = NewBuffer(capacity: 8);
        for (var i = 0; i < 21; i++) buffer.TryAdd(i * 10 * Ms, TestPoses.Yaw(0, x: i), out _);
        Assert.Equal(8, buffer.Count);
        Assert.Equal(130 * Ms, buffer.OldestStampNs);
        Assert.Equal(200 * Ms, buffer.NewestStampNs);
        Assert.False(buffer.TryGetPose(100 * Ms, 5 * Ms, out _, out var status));
        Assert.Equal(PoseLookupStatus.TooOld, status);
        for (var tMs = 130; tMs <= 200; tMs += 3)
        {
            Assert.True(buffer.TryGetPose(tMs * Ms, 0, out var T, out _));
            Assert.Equal(tMs / 10.0, T.Translation.X, 12);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void TryGetPose_IrregularStamps_MatchesLinearScanReference(int seed)
    {
        var rng = new Random(seed);
        var buffer = NewBuffer(capacity: 40);
        var stamps = new List<long>();
        var xs = new List<double>();
        long t = 0;
        for (var i = 0; i < 100; i++)
        {
            t += rng.Next(1, 60) * Ms;
            var x = rng.NextDouble();
            buffer.TryAdd(t, TestPoses.Yaw(0, x: x), out _);
            stamps.Add(t);
            xs.Add(x);
        }
        var first = stamps.Count - 40;
        for (var q = 0; q < 500; q++)
        {
            var stamp = stamps[first] + (long)(rng.NextDouble() * (stamps[^1] - stamps[first]));
            // Reference: linear scan for the bracketing pair.
            var j = first;
            while (stamps[j + 1] < stamp) j++;
            var alpha = (double)(stamp - stamps[j]) / (stamps[j + 1] - stamps[j]);
            Assert.True(buffer.TryGetPose(stamp, 0, out var T, out _));
            Assert.Equal(xs[j] + alpha * (xs[j + 1] - xs[j]), T.Translation.X, 12);
        }
    }
}
