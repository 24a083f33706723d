using CvM.Keyframes.Selection;

namespace CvM.Keyframes.Tests;

public class KeyframeBufferTests
{
    private const long Ms = 1_000_000;

    [Fact]
    public void TryInsert_FirstFrame_AlwaysInserted()
    {
        using var buffer = new KeyframeBuffer<int>(KeyframeOptions.Default, null);
        Assert.True(buffer.TryInsert(0, TestPoses.Yaw(0), 7, out var outcome));
        Assert.Equal(KeyframeInsertOutcome.Inserted, outcome);
        Assert.Equal(1, buffer.Count);
        Assert.Equal(7, buffer[0].Payload);
        Assert.Equal(0, buffer[0].Id);
    }

    [Theory]
    [InlineData(0.029, 0.0, false)]
    [InlineData(0.031, 0.0, true)]
    [InlineData(0.0, 4.9, false)]
    [InlineData(0.0, 5.1, true)]
    [InlineData(0.025, 4.0, false)]
    public void TryInsert_MotionSinceLastKeyframe_InsertedOnlyPastAThreshold(double moveM, double turnDeg, bool expected)
    {
        using var buffer = new KeyframeBuffer<int>(KeyframeOptions.Default, null);
        buffer.TryInsert(0, TestPoses.Yaw(0.3, x: 1, y: 2), 0, out _);
        var pose = TestPoses.Yaw(0.3 + TestPoses.Deg(turnDeg), x: 1 + moveM * Math.Cos(0.3), y: 2 + moveM * Math.Sin(0.3));
        Assert.Equal(expected, buffer.ShouldInsert(10 * Ms, pose));
        Assert.Equal(expected, buffer.TryInsert(10 * Ms, pose, 1, out var outcome));
        Assert.Equal(expected ? KeyframeInsertOutcome.Inserted : KeyframeInsertOutcome.NotEnoughMotion, outcome);
    }

    [Fact]
    public void TryInsert_StampNotNewerOrNaNPose_RefusedPayloadStaysWithCaller()
    {
        var released = new List<int>();
        using var buffer = new KeyframeBuffer<int>(KeyframeOptions.Default, released.Add);
        buffer.TryInsert(100 * Ms, TestPoses.Yaw(0), 0, out _);
        Assert.False(buffer.TryInsert(100 * Ms, TestPoses.Yaw(0, x: 1), 1, out var outcome));
        Assert.Equal(KeyframeInsertOutcome.StampNotNewer, outcome);
        Assert.False(buffer.TryInsert(200 * Ms, TestPoses.Yaw(0, x: double.NaN), 2, out outcome));
        Assert.Equal(KeyframeInsertOutcome.NonFinitePose, outcome);
        Assert.Empty(released);
        Assert.Equal(1, buffer.Count);
    }

    [Fact]
    public void TryInsert_PastCapacity_EvictsOldestAndReleasesEachPayloadOnce()
    {
        var released = new List<int>();
        var buffer = new KeyframeBuffer<int>(KeyframeOptions.Default with { KeyframeCapacity = 4 }, released.Add);
        for (var i = 0; i < 10; i++) Assert.True(buffer.TryInsert(i * 100 * Ms, TestPoses.Yaw(0, x: 0.1 * i), 100 + i, out _));
        Assert.Equal(4, buffer.Count);
        Assert.Equal(new[] { 100, 101, 102, 103, 104, 105 }, released);
        Assert.Equal(6, buffer.EvictedCount);
        Assert.Equal(new[] { 106, 107, 108, 109 }, Enumerable.Range(0, 4).Select(i => buffer[i].Payload));
        Assert.Equal(new long[] { 6, 7, 8, 9 }, Enumerable.Range(0, 4).Select(i => buffer[i].Id));
        Assert.True(buffer.TryFindById(8, out var index));
        Assert.Equal(108, buffer[index].Payload);
        Assert.False(buffer.TryFindById(5, out _));
        Assert.False(buffer.TryFindById(10, out _));

        buffer.Dispose();
        Assert.Equal(Enumerable.Range(100, 10), released);
        Assert.Equal(0, buffer.Count);
        Assert.Throws<ArgumentOutOfRangeException>(() => buffer[0]);
    }

    [Fact]
    public void TryInsert_ClockJumpsBack_ReleasesAllAndStartsOver()
    {
        var released = new List<int>();
        using var buffer = new KeyframeBuffer<int>(KeyframeOptions.Default, released.Add);
        buffer.TryInsert(10_000 * Ms, TestPoses.Yaw(0), 0, out _);
        buffer.TryInsert(10_040 * Ms, TestPoses.Yaw(0, x: 0.1), 1, out _);
        Assert.False(buffer.TryInsert(9_500 * Ms, TestPoses.Yaw(0, x: 0.2), 2, out var outcome));
        Assert.Equal(KeyframeInsertOutcome.StampNotNewer, outcome);
        Assert.True(buffer.TryInsert(40 * Ms, TestPoses.Yaw(0, x: 0.1), 3, out outcome));
        Assert.Equal(KeyframeInsertOutcome.InsertedAfterClockReset, outcome);
        Assert.Equal(new[] { 0, 1 }, released);
        Assert.Equal(1, buffer.Count);
        Assert.Equal((3, 2L), (buffer[0].Payload, buffer[0].Id));
    }
}
