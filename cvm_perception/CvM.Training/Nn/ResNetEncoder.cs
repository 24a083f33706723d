using CvM.Training.Export;
using TorchSharp;
using static TorchSharp.torch;

namespace CvM.Training.Nn;

/// <summary>
/// The dense image encoder: stem and the first three stages of ResNet-18 (strides 4/8/16, 64/128/256 channels).
/// Input: RGB in [0,1], <c>imageB3HW</c>; it is scaled to 0..255 and the per-channel mean of the pretrained
/// model's mean image is subtracted; the stem's weights are stored in RGB order (the CNTK model takes BGR).
/// Its batch norms stay in eval mode (frozen statistics) while the rest trains.
/// </summary>
public sealed class ResNetEncoder : nn.Module<Tensor, (Tensor F4, Tensor F8, Tensor F16)>
{
    private readonly ConvBn stem;
    private readonly BasicBlock l1b1, l1b2, l2b1, l2b2, l3b1, l3b2;
    private readonly Tensor mean_rgb;

    /// <summary>Channels of the three outputs.</summary>
    public static readonly long[] Channels = [64, 128, 256];

    /// <summary>Creates the encoder with random weights (load pretrained ones with <see cref="ResNet18Loader"/>).</summary>
    public ResNetEncoder(string name) : base(name)
    {
        stem = new ConvBn("stem", 3, 64, 7, 2, padsTlbr: [3, 3, 2, 2]);
        l1b1 = new BasicBlock("l1b1", 64, 64, 1);
        l1b2 = new BasicBlock("l1b2", 64, 64, 1);
        l2b1 = new BasicBlock("l2b1", 64, 128, 2);
        l2b2 = new BasicBlock("l2b2", 128, 128, 1);
        l3b1 = new BasicBlock("l3b1", 128, 256, 2);
        l3b2 = new BasicBlock("l3b2", 256, 256, 1);
        mean_rgb = tensor(new float[] { 123.68f, 116.78f, 103.94f }).reshape(1, 3, 1, 1);
        RegisterComponents();
    }

    /// <summary>All convolutions in the order of the pretrained graph's non-projection convs.</summary>
    internal IEnumerable<ConvBn> MainConvs =>
        new[] { stem }.Concat(Blocks.SelectMany(b => b.Convs.Where(c => !ReferenceEquals(c, b.Downsample))));

    /// <summary>The 1x1 projections in graph order.</summary>
    internal IEnumerable<ConvBn> ProjectionConvs => Blocks.Select(b => b.Downsample).OfType<ConvBn>();

    internal ConvBn Stem => stem;

    private BasicBlock[] Blocks => [l1b1, l1b2, l2b1, l2b2, l3b1, l3b2];

    /// <summary>Sets the per-channel mean (RGB, 0..255 scale).</summary>
    internal void SetMean(float r, float g, float b)
    {
        using var _ = no_grad();
        mean_rgb.copy_(tensor(new[] { r, g, b }).reshape(1, 3, 1, 1));
    }

    /// <summary>Per-channel mean (RGB, 0..255 scale), for the manifest.</summary>
    public float[] MeanRgb => mean_rgb.cpu().data<float>().ToArray();

    /// <summary>Puts every batch norm of the encoder in eval mode (frozen statistics).</summary>
    public void FreezeBatchNorm()
    {
        foreach (var c in MainConvs.Concat(ProjectionConvs)) c.Bn?.eval();
    }

    /// <inheritdoc />
    public override (Tensor F4, Tensor F8, Tensor F16) forward(Tensor imageB3HW)
    {
        using var scope = NewDisposeScope();
        var x = imageB3HW.Times(255f) - mean_rgb;
        x = stem.forward(x);
        x = nn.functional.max_pool2d(nn.functional.pad(x, [1, 0, 1, 0]), 3, 2);
        var f4 = l1b2.forward(l1b1.forward(x));
        var f8 = l2b2.forward(l2b1.forward(f4));
        var f16 = l3b2.forward(l3b1.forward(f8));
        return (f4.MoveToOuterDisposeScope(), f8.MoveToOuterDisposeScope(), f16.MoveToOuterDisposeScope());
    }

    /// <summary>Emits the encoder; returns the names of F4, F8, F16.</summary>
    public (string F4, string F8, string F16) Export(OnnxGraph g, string imageB3HW)
    {
        using var scope = g.Scope("enc");
        var m = MeanRgb;
        var x = g.Op("Sub", [g.Op("Mul", [imageB3HW, g.Scalar("scale255", 255f)]), g.Floats("mean_rgb", m, 1, 3, 1, 1)]);
        x = stem.Export(g, x);
        x = g.Op("MaxPool", [x], n =>
        {
            n.Attribute.Add(OnnxGraph.Ints("kernel_shape", 3, 3));
            n.Attribute.Add(OnnxGraph.Ints("strides", 2, 2));
            n.Attribute.Add(OnnxGraph.Ints("pads", 1, 1, 0, 0));
        });
        var f4 = l1b2.Export(g, l1b1.Export(g, x));
        var f8 = l2b2.Export(g, l2b1.Export(g, f4));
        var f16 = l3b2.Export(g, l3b1.Export(g, f8));
        return (f4, f8, f16);
    }
}
