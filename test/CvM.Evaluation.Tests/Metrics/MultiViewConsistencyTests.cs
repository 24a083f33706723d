using CvM.Evaluation.Metrics;
using CvM.Geometry;

namespace CvM.Evaluation.Tests.Metrics;

public class MultiViewConsistencyTests
{
    private static readonly DepthRange Range = new(0.1f, 10f);
    private static readonly Intrinsics K3 = new(1, 1, 1, 1, 3, 3);

    [Fact]
    public void Accumulate_3x3SidewaysNeighbour_MatchesHandValues()
    {
        // K: fx=fy=1, cx=cy=1, 3x3. Source camera at the world origin, neighbour at x = +1 m (no rotation).
        // Source depth 1 m everywhere except px(u=2,v=2) = 0 (invalid) -> 8 source pixels.
        // Pixel (u,v) -> p_src = ((u-1), (v-1), 1) -> p_nb = (u-2, v-1, 1) -> (u', v') = (u-1, v).
        //   u=0 -> u'=-1: out of view (3 pixels).
        //   u=1 -> neighbour column 0: nb = 1.0, 0.5, 1.25 -> errors |1-1|/1=0, |1-.5|/.5=1, |1-1.25|/1.25=0.2
        //   u=2 -> neighbour column 1: v=0 NaN (no neighbour depth), v=1 1.0 -> 0, v=2 source invalid.
        // CoVisible 4, sum 1.2, mean 0.3; under 5 %: 2; out of view 3; no neighbour depth 1.
        float[] src = [1, 1, 1, 1, 1, 1, 1, 1, 0];
        float[] nb = [1.0f, float.NaN, 7f, 0.5f, 1.0f, 1.0f, 1.25f, 1.0f, 1.0f];
        var T_world_nb = new Pose3(UnitQuaternion.Identity, new Vector3d(1, 0, 0));
        var sums = default(ConsistencySums);
        MultiViewConsistency.Accumulate(src, nb, K3, Pose3.Identity, T_world_nb, Range, ref sums);
        Assert.Equal(8, sums.SourcePixels);
        Assert.Equal(3, sums.OutOfView);
        Assert.Equal(1, sums.NoNeighbourDepth);
        Assert.Equal(4, sums.CoVisible);
        Assert.Equal(0.3, sums.MeanAbsRel, 6);
        Assert.Equal(0.5, sums.FractionUnder5Percent, 12);
        Assert.Equal(0.5, sums.CoVisibleFraction, 12);
    }

    [Fact]
    public void Accumulate_ForwardMotionOnFrontoParallelPlane_TrueDepthsAreConsistent()
    {
        // Plane z = 2 m in world; source at origin, neighbour 0.5 m forward: the neighbour sees it at 1.5 m.
        // With the true neighbour depth every co-visible error is 0; claiming 2 m there gives 0.5/2 = 0.25.
        var k = new Intrinsics(50, 50, 15.5, 11.5, 32, 24);
        var src = Enumerable.Repeat(2f, 32 * 24).ToArray();
        var nbTrue = Enumerable.Repeat(1.5f, 32 * 24).ToArray();
        var T_world_nb = new Pose3(UnitQuaternion.Identity, new Vector3d(0, 0, 0.5));
        var good = default(ConsistencySums);
        MultiViewConsistency.Accumulate(src, nbTrue, k, Pose3.Identity, T_world_nb, Range, ref good);
        Assert.True(good.CoVisible > 0);
        Assert.Equal(0.0, good.MeanAbsRel, 6);
        var bad = default(ConsistencySums);
        MultiViewConsistency.Accumulate(src, src, k, Pose3.Identity, T_world_nb, Range, ref bad);
        Assert.Equal(0.25, bad.MeanAbsRel, 6);
    }

    [Fact]
    public void Accumulate_SamePoseSameDepth_AllCoVisibleZeroError()
    {
        var k = new Intrinsics(10, 10, 2, 2, 5, 5);
        var d = Enumerable.Range(0, 25).Select(i => 1f + i * 0.1f).ToArray();
        var pose = new Pose3(UnitQuaternion.FromXyzw(0.1, 0.2, 0.3, 0.9), new Vector3d(0.3, -0.2, 1.0));
        var sums = default(ConsistencySums);
        MultiViewConsistency.Accumulate(d, d, k, pose, pose, Range, ref sums);
        Assert.Equal(25, sums.CoVisible);
        Assert.Equal(0.0, sums.MeanAbsRel, 9);
    }

    [Fact]
    public void Accumulate_WrongSpanLength_ThrowsArgumentException()
    {
        var sums = default(ConsistencySums);
        Assert.Throws<ArgumentException>(() =>
            MultiViewConsistency.Accumulate(new float[8], new float[9], K3, Pose3.Identity, Pose3.Identity, Range, ref sums));
    }
}
