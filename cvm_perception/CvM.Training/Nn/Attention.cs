using CvM.Training.Export;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace CvM.Training.Nn;

/// <summary>
/// Multi-head scaled dot-product attention on token sets <c>[N, T, C]</c>: queries from one set, keys and values
/// from another (the same set for self-attention). Written with plain matmul/softmax so that the ONNX export is the
/// same arithmetic.
/// </summary>
public sealed class Attention : nn.Module<Tensor, Tensor, Tensor>
{
    private readonly Linear q, k, v, proj;
    private readonly long _channels, _heads;

    /// <summary>Creates the attention with <paramref name="heads"/> heads over <paramref name="channels"/> channels.</summary>
    public Attention(string name, long channels, long heads) : base(name)
    {
        _channels = channels;
        _heads = heads;
        q = nn.Linear(channels, channels);
        k = nn.Linear(channels, channels);
        v = nn.Linear(channels, channels);
        proj = nn.Linear(channels, channels);
        RegisterComponents();
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor queriesNTC, Tensor keysNTC)
    {
        using var scope = NewDisposeScope();
        long n = queriesNTC.shape[0], tq = queriesNTC.shape[1], tk = keysNTC.shape[1], hd = _channels / _heads;
        var qh = q.forward(queriesNTC).reshape(n, tq, _heads, hd).permute(0, 2, 1, 3);
        var kh = k.forward(keysNTC).reshape(n, tk, _heads, hd).permute(0, 2, 3, 1);
        var vh = v.forward(keysNTC).reshape(n, tk, _heads, hd).permute(0, 2, 1, 3);
        var s = qh.matmul(kh).Times((float)(1.0 / Math.Sqrt(hd))).softmax(-1);
        var o = s.matmul(vh).permute(0, 2, 1, 3).reshape(n, tq, _channels);
        return proj.forward(o).MoveToOuterDisposeScope();
    }

    /// <summary>Emits the attention for static sizes.</summary>
    public string Export(OnnxGraph g, string queries, string keys, long n, long tq, long tk)
    {
        using var scope = g.Scope(GetName());
        long hd = _channels / _heads;
        var qh = g.Transpose(g.Reshape(Lin(g, q, "q", queries), n, tq, _heads, hd), 0, 2, 1, 3);
        var kh = g.Transpose(g.Reshape(Lin(g, k, "k", keys), n, tk, _heads, hd), 0, 2, 3, 1);
        var vh = g.Transpose(g.Reshape(Lin(g, v, "v", keys), n, tk, _heads, hd), 0, 2, 1, 3);
        var s = g.Op("Mul", [g.Op("MatMul", [qh, kh]), g.Scalar("scale", (float)(1.0 / Math.Sqrt(hd)))]);
        s = g.Op("Softmax", [s], a => a.Attribute.Add(OnnxGraph.Int("axis", -1)));
        var o = g.Reshape(g.Transpose(g.Op("MatMul", [s, vh]), 0, 2, 1, 3), n, tq, _channels);
        return Lin(g, proj, "proj", o);
    }

    /// <summary>Emits <c>x W^T + b</c>.</summary>
    internal static string Lin(OnnxGraph g, Linear lin, string name, string x)
    {
        using var scope = g.Scope(name);
        var wt = g.Weight("WT", lin.weight!.t());
        var y = g.Op("MatMul", [x, wt]);
        return g.Op("Add", [y, g.Weight("b", lin.bias!)]);
    }

    /// <summary>Emits LayerNormalization over the last axis.</summary>
    internal static string Norm(OnnxGraph g, LayerNorm ln, string name, string x)
    {
        using var scope = g.Scope(name);
        return g.Op("LayerNormalization", [x, g.Weight("g", ln.weight!), g.Weight("b", ln.bias!)], a =>
        {
            a.Attribute.Add(OnnxGraph.Int("axis", -1));
            a.Attribute.Add(OnnxGraph.Float("epsilon", 1e-5f));
        });
    }
}
