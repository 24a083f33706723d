using CvM.Training.Data;
using CvM.Training.Nn;
using CvM.Training.Train;
using TorchSharp;
using static TorchSharp.torch;

namespace CvM.Training.Tests;

/// <summary>
/// The forward pass and the loss give the same bits every time, even while collections and finalizers run all the
/// time beside them. Their number operands go through <see cref="ScalarOps"/>, which keeps each TorchSharp Scalar
/// alive until its native op has returned. Written inline, a collection could finalize one mid-op, as it did in the
/// exporter's batch-norm folding (see <see cref="ExportDeterminismTests"/>).
/// </summary>
[Collection(nameof(CollectionsStressCollection))]
public sealed class ForwardDeterminismTests
{
    [Fact]
    public async Task ForwardAndLoss_UnderConstantCollections_EveryRunIdentical()
    {
        TorchFixture.Ensure(11);
        var o = OnnxParityTests.Shipped with { GlobalScale = true };
        using var net = OnnxParityTests.RandomNet(o);
        var source = new SyntheticTripletSource(1000, o.ImageWidth, o.ImageHeight, heldOut: true);
        ViewTriplet[] samples = [source.Get(0), source.Get(1)];
        using var batch = BatchBuilder.Build(samples, [false, true], 0.3f, 10f);
        var cfg = new TrainConfig();
        (float[] Depth, float[] Sem, float[] Normals, double Loss) Run()
        {
            using var scope = NewDisposeScope();
            using var _ = no_grad();
            var outs = net.Forward(batch.Ref, batch.Src1, batch.Src2, batch.K, batch.InvK, batch.T1, batch.T2, batch.DepthRange);
            var (_, terms) = Losses.Compute(outs, batch, cfg);
            return (outs.DepthB1HW.data<float>().ToArray(), outs.SemanticLogitsB14HW.data<float>().ToArray(),
                outs.NormalsB3HW.data<float>().ToArray(), terms.Total);
        }
        var first = Run();
        Assert.All(first.Depth, d => Assert.True(float.IsFinite(d)));
        Assert.True(double.IsFinite(first.Loss));
        await using var stress = new CollectionsStress();
        for (int i = 0; i < 25; i++)
        {
            var again = Run();
            Assert.True(again.Depth.AsSpan().SequenceEqual(first.Depth), $"run {i + 2}: depth differs");
            Assert.True(again.Sem.AsSpan().SequenceEqual(first.Sem), $"run {i + 2}: semantic logits differ");
            Assert.True(again.Normals.AsSpan().SequenceEqual(first.Normals), $"run {i + 2}: normals differ");
            Assert.Equal(first.Loss, again.Loss);
        }
    }
}
