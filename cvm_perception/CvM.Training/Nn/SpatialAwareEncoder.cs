using CvM.Training.Export;
using TorchSharp;
using static TorchSharp.torch;

namespace CvM.Training.Nn;

/// <summary>
/// Spatial-aware encoder of the Cross-view Module (per view, 1/8 resolution): projects the encoder's 1/8 features
/// and concatenates the viewing ray <c>K^-1 [u v 1]^T</c> of every pixel (a geometric bias), then two 3x3 convs.
/// </summary>
public sealed class SpatialAwareEncoder : nn.Module<Tensor, Tensor, Tensor>
{
    private readonly ConvBn proj, conv1, conv2;
    private readonly float[] _pixelCentres;
    private readonly long _h, _w;

    /// <summary>Creates the encoder for <paramref name="o"/>'s sizes.</summary>
    public SpatialAwareEncoder(string name, CvmNetOptions o, float[] pixelCentres) : base(name)
    {
        _h = o.H8;
        _w = o.W8;
        _pixelCentres = pixelCentres;
        proj = new ConvBn("proj", ResNetEncoder.Channels[1], o.Channels, 1, padsTlbr: [0, 0, 0, 0]);
        conv1 = new ConvBn("conv1", o.Channels + 3, o.Channels, 3);
        conv2 = new ConvBn("conv2", o.Channels, o.Channels, 3, relu: false);
        RegisterComponents();
    }

    /// <summary>f8: <c>[N, 128, h, w]</c>; invK: <c>[N, 3, 3]</c>; returns <c>[N, C, h, w]</c>.</summary>
    public override Tensor forward(Tensor f8, Tensor invK_N33)
    {
        using var scope = NewDisposeScope();
        var pix = tensor(_pixelCentres, dtype: f8.dtype, device: f8.device).reshape(3, _h * _w);
        var rays = invK_N33.matmul(pix).reshape(f8.shape[0], 3, _h, _w);
        var x = cat([proj.forward(f8), rays], 1);
        return conv2.forward(conv1.forward(x)).MoveToOuterDisposeScope();
    }

    /// <summary>Emits the encoder for batch <paramref name="n"/>.</summary>
    public string Export(OnnxGraph g, string f8, string invK, long n)
    {
        using var scope = g.Scope(GetName());
        var pix = g.Floats("pix", _pixelCentres, 3, _h * _w);
        var rays = g.Reshape(g.Op("MatMul", [invK, pix]), n, 3, _h, _w);
        var x = g.Op("Concat", [proj.Export(g, f8), rays], a => a.Attribute.Add(OnnxGraph.Int("axis", 1)));
        return conv2.Export(g, conv1.Export(g, x));
    }
}
