using System.Numerics;
using CvM.Evaluation.Metrics;
using CvM.Geometry;
using CvM.TestSupport;

namespace CvM.Evaluation.Tests.Metrics;

public class AllocationTests
{
    [Fact]
    public void Accumulators_SteadyState_AllocateNothing()
    {
        const int w = 64, h = 48;
        var gt = Enumerable.Range(0, w * h).Select(i => 1f + i % 7 * 0.3f).ToArray();
        var pred = gt.Select(d => d * 1.1f).ToArray();
        var labels = Enumerable.Range(0, w * h).Select(i => (byte)(i % 14)).ToArray();
        var normals = Enumerable.Range(0, w * h).Select(i => new Vector3(0.1f * (i % 3), 0, 1)).ToArray();
        var k = new Intrinsics(50, 50, 31.5, 23.5, w, h);
        var T_world_nb = new Pose3(UnitQuaternion.Identity, new Vector3d(0.05, 0, 0));
        var confusion = new SemanticConfusion();
        var normalAcc = new NormalAccumulator();
        var bins = new DepthErrorBins(0.1f, 5f, 20);
        var sums = default(DepthErrorSums);
        var consistency = default(ConsistencySums);

        void Once()
        {
            DepthEvaluator.Accumulate(gt, pred, DepthRange.Indoor, ref sums, bins);
            confusion.Add(labels, labels);
            normalAcc.Add(normals, normals);
            MultiViewConsistency.Accumulate(pred, pred, k, Pose3.Identity, T_world_nb, DepthRange.Indoor, ref consistency);
        }

        Once(); // warm-up (JIT)
        var windows = SteadyStateAllocation.AssertSomeWindowAllocatesNothing(() =>
        {
            for (int i = 0; i < 5; i++) Once();
        }, "5 metric accumulations");
        Assert.Equal((1 + 5L * windows) * w * h, sums.Count);
    }
}
