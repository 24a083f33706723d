using CvM.Training.Nn;
using TorchSharp;
using static TorchSharp.torch;

namespace CvM.Training.Tests;

/// <summary>The global scale head (<see cref="CvmNetOptions.GlobalScale"/>): identity when it starts, a pure scale when it acts.</summary>
public class GlobalScaleTests
{
    private static (Tensor Ref, Tensor Src1, Tensor Src2, Tensor K, Tensor InvK, Tensor T1, Tensor T2, Tensor Range) Inputs(CvmNetOptions o)
    {
        var (k, invK) = TestGeometry.Intrinsics(0.9 * o.ImageWidth, 0.9 * o.ImageWidth, o.ImageWidth / 2.0 - 0.5, o.ImageHeight / 2.0 - 0.5);
        return (rand(1, 3, o.ImageHeight, o.ImageWidth), rand(1, 3, o.ImageHeight, o.ImageWidth), rand(1, 3, o.ImageHeight, o.ImageWidth), k, invK,
            TestGeometry.ToTensor(TestGeometry.Rigid(0.05, -0.02, -0.12, 0.01, 0.03)), TestGeometry.ToTensor(TestGeometry.Rigid(-0.04, 0.03, 0.15, -0.02, -0.05)),
            tensor(new float[] { 0.3f, 10f }).reshape(1, 2));
    }

    private static CvmOutputs Run(CvmNet net, (Tensor Ref, Tensor Src1, Tensor Src2, Tensor K, Tensor InvK, Tensor T1, Tensor T2, Tensor Range) i) =>
        net.Forward(i.Ref, i.Src1, i.Src2, i.K, i.InvK, i.T1, i.T2, i.Range);

    /// <summary>
    /// A random net of the shipped shape and one with the global scale head initialised from it, as `train` does with
    /// initFrom: load what matches, keep the new head as constructed.
    /// </summary>
    private static (CvmNet Plain, CvmNet Scaled, IList<string> Missing, IList<string> Unexpected) PlainAndScaled(int seed)
    {
        TorchFixture.Ensure(seed);
        var o = OnnxParityTests.Shipped;
        var plain = OnnxParityTests.RandomNet(o);
        var scaled = new CvmNet(o with { GlobalScale = true });
        var (missing, unexpected) = scaled.load_state_dict(plain.state_dict(), strict: false);
        return (plain, scaled, missing, unexpected);
    }

    [Fact]
    public void GlobalScale_InitialisedFromANetWithout_GivesTheSameOutputs()
    {
        var (plain, scaled, missing, unexpected) = PlainAndScaled(seed: 3);
        using var _plain = plain;
        using var _scaled = scaled;
        Assert.Empty(unexpected);
        Assert.All(missing, name => Assert.StartsWith("scale", name));
        Assert.NotEmpty(missing);
        scaled.eval();
        var inputs = Inputs(OnnxParityTests.Shipped);
        using var _ = no_grad();
        var a = Run(plain, inputs);
        var b = Run(scaled, inputs);
        Assert.True((a.DepthB1HW - b.DepthB1HW).abs().max().item<float>() < 1e-5f);
        Assert.True((a.SemanticLogitsB14HW - b.SemanticLogitsB14HW).abs().max().item<float>() == 0f);
    }

    [Fact]
    public void GlobalScale_ConstantVote_ScalesDepthByExpVoteInsideTheRange()
    {
        var (plain, scaled, _, _) = PlainAndScaled(seed: 4);
        using var _plain = plain;
        using var _scaled = scaled;
        const float vote = 0.2f;
        using (no_grad())
        {
            // Channel 0 of the last conv (the vote) is the constant 0.2 everywhere: s = 0.2 whatever the weights.
            var bias = scaled.named_parameters().Single(p => p.name == "scale2.conv.bias").parameter;
            bias[0] = vote;
        }
        scaled.eval();
        var inputs = Inputs(OnnxParityTests.Shipped);
        using var _ = no_grad();
        var a = Run(plain, inputs).DepthB1HW;
        var b = Run(scaled, inputs).DepthB1HW;
        // Inverse depth at 1/4 times exp(-0.2), clamped to [1/10, 1/0.3], then upsampled: depth times exp(0.2) up to 10 m.
        var expected = a.reciprocal().Times(MathF.Exp(-vote)).Between(0.1f, 1f / 0.3f).reciprocal();
        Assert.True((expected - b).abs().max().item<float>() < 1e-3f, $"max diff {(expected - b).abs().max().item<float>()}");
        Assert.True(b.max().item<float>() <= 10f + 1e-4f);
    }
}
