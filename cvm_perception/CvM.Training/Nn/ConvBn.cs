using CvM.Training.Export;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace CvM.Training.Nn;

/// <summary>
/// Conv2d (optionally asymmetric zero padding, as in the CNTK ResNet-18) followed by an optional BatchNorm and an
/// optional ReLU. Export folds the batch norm into the convolution. Keep <c>outChannels</c> a multiple of 16 (DESIGN
/// §5, oneDNN conv input-gradient trap); callers slice padded heads.
/// </summary>
public sealed class ConvBn : nn.Module<Tensor, Tensor>
{
    private readonly Conv2d conv;
    private readonly BatchNorm2d? bn;
    private readonly bool _relu;
    private readonly long _kernel, _stride;
    private readonly long[] _padsTlbr;

    /// <summary>Creates the block; <paramref name="padsTlbr"/> defaults to symmetric <c>kernel/2</c>.</summary>
    public ConvBn(string name, long inChannels, long outChannels, long kernel, long stride = 1, bool batchNorm = true,
        bool relu = true, long[]? padsTlbr = null) : base(name)
    {
        _kernel = kernel;
        _stride = stride;
        _relu = relu;
        _padsTlbr = padsTlbr ?? [kernel / 2, kernel / 2, kernel / 2, kernel / 2];
        bool symmetric = _padsTlbr.All(p => p == _padsTlbr[0]);
        conv = nn.Conv2d(inChannels, outChannels, kernel, stride, symmetric ? _padsTlbr[0] : 0, bias: !batchNorm);
        bn = batchNorm ? nn.BatchNorm2d(outChannels) : null;
        RegisterComponents();
    }

    /// <summary>Output channel count.</summary>
    public long OutChannels => conv.weight!.shape[0];

    /// <summary>The convolution (for loading pretrained weights).</summary>
    public Conv2d Conv => conv;

    /// <summary>The batch norm, when there is one.</summary>
    public BatchNorm2d? Bn => bn;

    /// <inheritdoc />
    public override Tensor forward(Tensor x)
    {
        bool symmetric = _padsTlbr.All(p => p == _padsTlbr[0]);
        using var scope = NewDisposeScope();
        var y = symmetric ? conv.forward(x)
            : conv.forward(nn.functional.pad(x, [_padsTlbr[1], _padsTlbr[3], _padsTlbr[0], _padsTlbr[2]]));
        if (bn is not null) y = bn.forward(y);
        if (_relu) y = nn.functional.relu(y);
        return y.MoveToOuterDisposeScope();
    }

    /// <summary>Folded weights <c>(W [O,I,k,k], b [O])</c> equal to conv followed by batch norm in eval mode.</summary>
    public (Tensor W, Tensor B) Folded()
    {
        using var _ = no_grad();
        var w = conv.weight!.detach();
        var b = conv.bias?.detach() ?? zeros(w.shape[0]);
        if (bn is null) return (w.clone(), b.clone());
        var scale = bn.weight!.detach() / sqrt(bn.running_var!.detach() + bn.eps);
        var wf = w * scale.reshape(-1, 1, 1, 1);
        var bf = bn.bias!.detach() + (b - bn.running_mean!.detach()) * scale;
        return (wf, bf);
    }

    /// <summary>Emits Conv (+Relu) and returns the output name.</summary>
    public string Export(OnnxGraph g, string x)
    {
        using var scope = g.Scope(GetName());
        var (w, b) = Folded();
        var wName = g.Weight("W", w);
        var bName = g.Weight("B", b);
        w.Dispose();
        b.Dispose();
        var y = g.Op("Conv", [x, wName, bName], n =>
        {
            n.Attribute.Add(OnnxGraph.Ints("kernel_shape", _kernel, _kernel));
            n.Attribute.Add(OnnxGraph.Ints("strides", _stride, _stride));
            n.Attribute.Add(OnnxGraph.Ints("pads", _padsTlbr[0], _padsTlbr[1], _padsTlbr[2], _padsTlbr[3]));
        });
        return _relu ? g.Op("Relu", [y]) : y;
    }
}
