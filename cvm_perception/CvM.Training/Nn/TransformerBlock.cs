using CvM.Training.Export;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace CvM.Training.Nn;

/// <summary>
/// Pre-norm transformer block on token sets: <c>x + Attn(LN(x), LN(ctx))</c> then <c>x + MLP(LN(x))</c>
/// (ReLU MLP, ratio 2). With <c>ctx == x</c> it is self-attention.
/// </summary>
public sealed class TransformerBlock : nn.Module<Tensor, Tensor?, Tensor>
{
    private readonly LayerNorm norm_q, norm_kv, norm_mlp;
    private readonly Attention attn;
    private readonly Linear fc1, fc2;
    private readonly bool _cross;

    /// <summary>Creates a block; <paramref name="cross"/> gives the context its own layer norm.</summary>
    public TransformerBlock(string name, long channels, long heads, bool cross) : base(name)
    {
        _cross = cross;
        norm_q = nn.LayerNorm([channels]);
        norm_kv = nn.LayerNorm([channels]);
        norm_mlp = nn.LayerNorm([channels]);
        attn = new Attention("attn", channels, heads);
        fc1 = nn.Linear(channels, 2 * channels);
        fc2 = nn.Linear(2 * channels, channels);
        RegisterComponents();
    }

    /// <summary>x: <c>[N, Tq, C]</c>; context: <c>[N, Tk, C]</c> for cross-attention, null for self-attention.</summary>
    public override Tensor forward(Tensor xNTC, Tensor? contextNTC)
    {
        using var scope = NewDisposeScope();
        var xq = norm_q.forward(xNTC);
        var kv = _cross ? norm_kv.forward(contextNTC!) : xq;
        var x = xNTC.Plus(attn.forward(xq, kv));
        x = x.Plus(fc2.forward(nn.functional.relu(fc1.forward(norm_mlp.forward(x)))));
        return x.MoveToOuterDisposeScope();
    }

    /// <summary>Emits the block for static sizes.</summary>
    public string Export(OnnxGraph g, string x, string? context, long n, long tq, long tk)
    {
        using var scope = g.Scope(GetName());
        var xq = Attention.Norm(g, norm_q, "norm_q", x);
        var kv = _cross ? Attention.Norm(g, norm_kv, "norm_kv", context!) : xq;
        var y = g.Op("Add", [x, attn.Export(g, xq, kv, n, tq, tk)]);
        var h = Attention.Norm(g, norm_mlp, "norm_mlp", y);
        h = Attention.Lin(g, fc2, "fc2", g.Op("Relu", [Attention.Lin(g, fc1, "fc1", h)]));
        return g.Op("Add", [y, h]);
    }
}
