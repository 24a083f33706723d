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

    /// <summary>
    /// Folded weights <c>W [O,I,k,k]</c> (flat, row-major) and <c>b [O]</c>, equal to the conv followed by the batch
    /// norm in eval mode: <c>s = gamma / sqrt(var + eps)</c>, <c>W' = W s</c>, <c>b' = beta + (b - mean) s</c>, in
    /// libtorch (the same float32 ops as always, so the same bytes). Every intermediate, the <c>Scalar</c>s included,
    /// is a local held until the copies are made. Written inline (<c>var + eps</c>), a temporary <c>Scalar</c> or
    /// tensor is unreachable while the native op still reads it. A collection can then finalize it mid-call, and the op
    /// reads freed memory. That made two exports of one net differ now and then, in the folded convolution of one block,
    /// and gave an all-NaN depth in ONNX Runtime.
    /// </summary>
    public (float[] W, float[] B, long[] WShape) Folded()
    {
        using var _ = no_grad();
        var wShape = conv.weight!.shape;
        if (bn is null) return (OnnxGraph.Values(conv.weight), conv.bias is null ? new float[wShape[0]] : OnnxGraph.Values(conv.bias), wShape);
        using var one = 1.ToScalar();
        using var eps = bn.eps.ToScalar();
        using var w = conv.weight.detach();
        using var b = conv.bias is null ? zeros(wShape[0]) : conv.bias.detach();
        using var gamma = bn.weight!.detach();
        using var beta = bn.bias!.detach();
        using var mean = bn.running_mean!.detach();
        using var variance = bn.running_var!.detach();
        using var varEps = variance.add(eps, one);
        using var std = varEps.sqrt();
        using var scale = gamma.div(std);
        using var scale4 = scale.reshape(-1, 1, 1, 1);
        using var wf = w.mul(scale4);
        using var centred = b.sub(mean);
        using var shifted = centred.mul(scale);
        using var bf = beta.add(shifted, one);
        return (OnnxGraph.Values(wf), OnnxGraph.Values(bf), wShape);
    }

    /// <summary>Emits Conv (+Relu) and returns the output name.</summary>
    public string Export(OnnxGraph g, string x)
    {
        using var scope = g.Scope(GetName());
        var (w, b, wShape) = Folded();
        var wName = g.Floats("W", w, wShape);
        var bName = g.Floats("B", b, wShape[0]);
        var y = g.Op("Conv", [x, wName, bName], n =>
        {
            n.Attribute.Add(OnnxGraph.Ints("kernel_shape", _kernel, _kernel));
            n.Attribute.Add(OnnxGraph.Ints("strides", _stride, _stride));
            n.Attribute.Add(OnnxGraph.Ints("pads", _padsTlbr[0], _padsTlbr[1], _padsTlbr[2], _padsTlbr[3]));
        });
        return _relu ? g.Op("Relu", [y]) : y;
    }
}
