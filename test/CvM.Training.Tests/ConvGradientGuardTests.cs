using CvM.Training.Nn;
using TorchSharp;
using static TorchSharp.torch;

namespace CvM.Training.Tests;

/// <summary>
/// Guards the oneDNN AVX-512 trap (DESIGN §5): conv input gradients wrong when out-channels are not multiples of 16.
/// The network keeps every conv width a multiple of 16, and float32 input gradients of those convs match float64.
/// </summary>
public class ConvGradientGuardTests
{
    [Fact]
    public void CvmNet_AllConvolutions_OutChannelsMultipleOf16()
    {
        using var net = new CvmNet(new CvmNetOptions());
        var convs = net.modules().OfType<TorchSharp.Modules.Conv2d>().ToList();
        Assert.NotEmpty(convs);
        Assert.All(convs, c => Assert.Equal(0, c.weight!.shape[0] % 16));
    }

    [Theory]
    [InlineData(64, 16, 3, 1)]
    [InlineData(64, 32, 3, 1)]
    [InlineData(67, 64, 3, 1)]
    [InlineData(224, 64, 3, 1)]
    [InlineData(128, 256, 3, 2)]
    [InlineData(64, 128, 1, 2)]
    public void ConvInputGradient_Float32_MatchesFloat64(int inC, int outC, int k, int stride)
    {
        TorchFixture.Ensure(inC * 131 + outC);
        var x64 = randn(2, inC, 20, 24, dtype: ScalarType.Float64);
        var w64 = randn(outC, inC, k, k, dtype: ScalarType.Float64).Times(0.1);
        var g64 = randn(2, outC, (20 + 2 * (k / 2) - k) / stride + 1, (24 + 2 * (k / 2) - k) / stride + 1, dtype: ScalarType.Float64);
        Tensor InputGrad(ScalarType t)
        {
            var x = x64.to(t).detach().requires_grad_(true);
            var y = nn.functional.conv2d(x, w64.to(t), strides: [stride, stride], padding: [k / 2, k / 2]);
            (y * g64.to(t)).sum().backward();
            return x.grad!.to(ScalarType.Float64);
        }
        var reference = InputGrad(ScalarType.Float64);
        var single = InputGrad(ScalarType.Float32);
        Assert.False(single.isnan().any().item<bool>(), "NaN in float32 conv input gradient");
        var rel = ((single - reference).abs().max() / reference.abs().max()).item<double>();
        Assert.True(rel < 1e-4, $"relative error {rel}");
    }

    [Fact]
    public void CvmNet_InputGradientOfFusionConv_Float32MatchesFloat64()
    {
        // The first decoder conv of the real network (224 -> 64): gradient to its input in float32 vs float64.
        TorchFixture.Ensure(5);
        var conv = new ConvBn("c", 224, 64, 3, batchNorm: false, relu: false);
        var x = randn(1, 224, 32, 40, dtype: ScalarType.Float64);
        Tensor Grad(ScalarType t)
        {
            conv.to(t);
            var xi = x.to(t).detach().requires_grad_(true);
            conv.forward(xi).square().sum().backward();
            conv.zero_grad();
            return xi.grad!.to(ScalarType.Float64);
        }
        var g64 = Grad(ScalarType.Float64);
        var g32 = Grad(ScalarType.Float32);
        Assert.True(((g32 - g64).abs().max() / g64.abs().max()).item<double>() < 1e-4);
    }
}
