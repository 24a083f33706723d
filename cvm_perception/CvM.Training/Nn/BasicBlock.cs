using CvM.Training.Export;
using TorchSharp;
using static TorchSharp.torch;

namespace CvM.Training.Nn;

/// <summary>ResNet basic block: two 3x3 ConvBn with an identity or 1x1 projection shortcut.</summary>
public sealed class BasicBlock : nn.Module<Tensor, Tensor>
{
    private readonly ConvBn conv1, conv2;
    private readonly ConvBn? downsample;

    /// <summary>Creates a block; a stride-2 block pads like the CNTK export (top/left 1, bottom/right 0).</summary>
    public BasicBlock(string name, long inChannels, long outChannels, long stride) : base(name)
    {
        long[] pads = stride == 2 ? [1, 1, 0, 0] : [1, 1, 1, 1];
        conv1 = new ConvBn("conv1", inChannels, outChannels, 3, stride, padsTlbr: pads);
        conv2 = new ConvBn("conv2", outChannels, outChannels, 3, 1, relu: false);
        if (stride != 1 || inChannels != outChannels)
            downsample = new ConvBn("downsample", inChannels, outChannels, 1, stride, relu: false, padsTlbr: [0, 0, 0, 0]);
        RegisterComponents();
    }

    /// <summary>The convolutions in the order the pretrained loader fills them: conv1, conv2, then downsample.</summary>
    public IEnumerable<ConvBn> Convs => downsample is null ? [conv1, conv2] : [conv1, conv2, downsample];

    /// <summary>The 1x1 projection, when the block has one.</summary>
    public ConvBn? Downsample => downsample;

    /// <inheritdoc />
    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        var y = conv2.forward(conv1.forward(x));
        var s = downsample is null ? x : downsample.forward(x);
        return nn.functional.relu(y.Plus(s)).MoveToOuterDisposeScope();
    }

    /// <summary>Emits the block.</summary>
    public string Export(OnnxGraph g, string x)
    {
        using var scope = g.Scope(GetName());
        var y = conv2.Export(g, conv1.Export(g, x));
        var s = downsample is null ? x : downsample.Export(g, x);
        return g.Op("Relu", [g.Op("Add", [y, s])]);
    }
}
