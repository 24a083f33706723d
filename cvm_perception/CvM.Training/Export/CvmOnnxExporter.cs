using CvM.Training.Nn;
using TorchSharp;
using static TorchSharp.torch;

namespace CvM.Training.Export;

/// <summary>
/// Emits <see cref="CvmNet"/> as ONNX (opset 17, batch 1, static input size, batch norms folded): the whole model,
/// or the two graphs of the keyframe-cache contract (per-view features; multi-view part + heads). Node names start
/// with the part they belong to (<c>enc/</c>, <c>xview/</c>, <c>cv/</c>, <c>fusion/</c>, <c>heads/</c>).
/// </summary>
public static class CvmOnnxExporter
{
    /// <summary>Input names of the whole model, in order.</summary>
    public static readonly string[] FullInputs = ["image_ref", "image_src1", "image_src2", "K", "invK", "T_src1_ref", "T_src2_ref", "depth_range"];

    /// <summary>Output names of the whole model and of the multi-view graph.</summary>
    public static readonly string[] Outputs = ["depth", "semantic_logits", "normals"];

    /// <summary>Output names of the per-view feature graph (<c>k4</c> only when the network has fine matching features).</summary>
    public static readonly string[] FeatureOutputs = ["f4", "f8", "f16", "m8", "k4"];

    /// <summary>The whole model as a serialised ONNX model.</summary>
    public static byte[] ExportFull(CvmNet net)
    {
        net.eval();
        using var _ = no_grad();
        // Every tensor made while exporting is held by this scope until the export ends, so that none is finalized
        // while a native call still reads it. Scalars are not tracked by the scope: the folding holds its own
        // (ConvBn.Folded; ExportDeterminismTests).
        using var tensors = NewDisposeScope();
        var o = net.Options;
        var g = new OnnxGraph();
        long H = o.ImageHeight, W = o.ImageWidth;
        var imgs = new[] { g.Input("image_ref", 1, 3, H, W), g.Input("image_src1", 1, 3, H, W), g.Input("image_src2", 1, 3, H, W) };
        var k = g.Input("K", 1, 3, 3);
        var invK = g.Input("invK", 1, 3, 3);
        var t1 = g.Input("T_src1_ref", 1, 4, 4);
        var t2 = g.Input("T_src2_ref", 1, 4, 4);
        var range = g.Input("depth_range", 1, 2);
        var all = g.Op("Concat", imgs, a => a.Attribute.Add(OnnxGraph.Int("axis", 0)));
        var invK3 = g.Op("Concat", [invK, invK, invK], a => a.Attribute.Add(OnnxGraph.Int("axis", 0)));
        var (f4, f8, f16, m8, k4) = Features(g, net, all, invK3, 3);
        string Row(string x, long i) => g.Slice(x, 0, i, i + 1);
        (string, string, string)? fine = k4 is null ? null : (Row(k4, 0), Row(k4, 1), Row(k4, 2));
        var outs = MultiView(g, net, Row(f4, 0), Row(f8, 0), Row(f16, 0), Row(m8, 0), Row(m8, 1), Row(m8, 2), k, invK, t1, t2, range, fine);
        DeclareOutputs(g, o, outs);
        return g.ToModelBytes("CvM.Training");
    }

    /// <summary>Per-view feature graph: <c>image [1,3,H,W]</c>, <c>invK [1,3,3]</c> to <c>f4, f8, f16, m8</c>.</summary>
    public static byte[] ExportFeatures(CvmNet net)
    {
        net.eval();
        using var _ = no_grad();
        using var tensors = NewDisposeScope(); // holds the export's tensors (see ExportFull)
        var o = net.Options;
        var g = new OnnxGraph();
        var img = g.Input("image", 1, 3, o.ImageHeight, o.ImageWidth);
        var invK = g.Input("invK", 1, 3, 3);
        var (f4, f8, f16, m8, k4) = Features(g, net, img, invK, 1);
        g.Output(f4, "f4", 1, 64, o.ImageHeight / 4, o.ImageWidth / 4);
        g.Output(f8, "f8", 1, 128, o.H8, o.W8);
        g.Output(f16, "f16", 1, 256, o.ImageHeight / 16, o.ImageWidth / 16);
        g.Output(m8, "m8", 1, o.Channels, o.H8, o.W8);
        if (k4 is not null) g.Output(k4, "k4", 1, o.FineChannels, o.ImageHeight / 4, o.ImageWidth / 4);
        return g.ToModelBytes("CvM.Training");
    }

    /// <summary>Multi-view graph: reference <c>f4, f8, f16, m8</c>, sources' <c>m8</c>, geometry, to the outputs.</summary>
    public static byte[] ExportMultiView(CvmNet net)
    {
        net.eval();
        using var _ = no_grad();
        using var tensors = NewDisposeScope(); // holds the export's tensors (see ExportFull)
        var o = net.Options;
        var g = new OnnxGraph();
        var f4 = g.Input("ref_f4", 1, 64, o.ImageHeight / 4, o.ImageWidth / 4);
        var f8 = g.Input("ref_f8", 1, 128, o.H8, o.W8);
        var f16 = g.Input("ref_f16", 1, 256, o.ImageHeight / 16, o.ImageWidth / 16);
        var m8 = g.Input("ref_m8", 1, o.Channels, o.H8, o.W8);
        var s1 = g.Input("src1_m8", 1, o.Channels, o.H8, o.W8);
        var s2 = g.Input("src2_m8", 1, o.Channels, o.H8, o.W8);
        long h4 = o.ImageHeight / 4, w4 = o.ImageWidth / 4;
        (string, string, string)? fine = o.FineChannels > 0
            ? (g.Input("ref_k4", 1, o.FineChannels, h4, w4), g.Input("src1_k4", 1, o.FineChannels, h4, w4), g.Input("src2_k4", 1, o.FineChannels, h4, w4))
            : null;
        var outs = MultiView(g, net, f4, f8, f16, m8, s1, s2, g.Input("K", 1, 3, 3), g.Input("invK", 1, 3, 3),
            g.Input("T_src1_ref", 1, 4, 4), g.Input("T_src2_ref", 1, 4, 4), g.Input("depth_range", 1, 2), fine);
        DeclareOutputs(g, o, outs);
        return g.ToModelBytes("CvM.Training");
    }

    private static void DeclareOutputs(OnnxGraph g, CvmNetOptions o, (string Depth, string Sem, string Normals) outs)
    {
        g.Output(outs.Depth, "depth", 1, 1, o.ImageHeight, o.ImageWidth);
        g.Output(outs.Sem, "semantic_logits", 1, CvmNetOptions.SemanticClasses, o.ImageHeight, o.ImageWidth);
        g.Output(outs.Normals, "normals", 1, 3, o.ImageHeight, o.ImageWidth);
    }

    private static (string F4, string F8, string F16, string M8, string? K4) Features(OnnxGraph g, CvmNet net, string images, string invK, long n)
    {
        var o = net.Options;
        var (f4, f8, f16) = net.Encoder.Export(g, images);
        using var scope = g.Scope("xview");
        long c = o.Channels, h = o.H8, w = o.W8, ws = o.Window, windows = n * (h / ws) * (w / ws);
        var m = net.Spatial.Export(g, f8, invK, n);
        var tokens = g.Reshape(g.Transpose(g.Reshape(m, n, c, h / ws, ws, w / ws, ws), 0, 2, 4, 3, 5, 1), windows, ws * ws, c);
        tokens = net.SelfAttn.Export(g, tokens, null, windows, ws * ws, ws * ws);
        var m8 = g.Reshape(g.Transpose(g.Reshape(tokens, n, h / ws, w / ws, ws, ws, c), 0, 5, 1, 3, 2, 4), n, c, h, w);
        var k4 = net.Match4?.Export(g, f4);
        return (f4, f8, f16, m8, k4);
    }

    private static (string Depth, string Sem, string Normals) MultiView(OnnxGraph g, CvmNet net, string f4, string f8,
        string f16, string m8, string s1, string s2, string k, string invK, string t1, string t2, string range,
        (string Ref, string Src1, string Src2)? k4)
    {
        var o = net.Options;
        long b = 1, c = o.Channels, h = o.H8, w = o.W8, hw = h * w, d = o.Planes, h4 = o.ImageHeight / 4, w4 = o.ImageWidth / 4;
        string x8;
        using (g.Scope("xview"))
        {
            string Tokens(string m) => g.Transpose(g.Reshape(m, b, c, hw), 0, 2, 1);
            var src = g.Op("Concat", [Tokens(s1), Tokens(s2)], a => a.Attribute.Add(OnnxGraph.Int("axis", 1)));
            x8 = net.CrossAttn.Export(g, Tokens(m8), src, b, hw, 2 * hw);
            x8 = g.Reshape(g.Transpose(x8, 0, 2, 1), b, c, h, w);
        }
        var invd = net.CostVolume.ExportPlaneInverseDepths(g, range);
        var cv = net.CostVolume.Export(g, m8, [s1, s2], k, invK, [t1, t2], invd, b, c);
        var fineCv = k4 is { } fk && net.CostVolume4 is { } cvf
            ? cvf.Export(g, fk.Ref, [fk.Src1, fk.Src2], k, invK, [t1, t2], invd, b, o.FineChannels)
            : null;
        string x, cv4;
        using (g.Scope("fusion"))
        {
            var f = net.Fusion;
            var f16up = g.ResizeBilinear(f16, b, 256, h, w);
            x = g.Op("Concat", [f8, x8, cv, f16up], a => a.Attribute.Add(OnnxGraph.Int("axis", 1)));
            x = f[1].Export(g, f[0].Export(g, x));
            cv4 = fineCv ?? g.ResizeBilinear(cv, b, d, h4, w4);
            x = g.Op("Concat", [g.ResizeBilinear(x, b, o.FusionChannels, h4, w4), f4, cv4], a => a.Attribute.Add(OnnxGraph.Int("axis", 1)));
            x = f[3].Export(g, f[2].Export(g, x));
        }
        using (g.Scope("heads"))
        {
            var hd = net.Heads;
            long H = o.ImageHeight, W = o.ImageWidth;
            var p = g.Op("Softmax", [hd[0].Export(g, x)], a => a.Attribute.Add(OnnxGraph.Int("axis", 1)));
            var invdB_D11 = g.Reshape(invd, b, d, 1, 1);
            var inv4 = g.Op("ReduceSum", [g.Op("Mul", [p, invdB_D11]), g.Longs("axes", 1)], a => a.Attribute.Add(OnnxGraph.Int("keepdims", 1)));
            if (net.ScaleHead is { } sh)
            {
                using var scale = g.Scope("scale");
                var cvSoftmax = g.Op("Softmax", [cv4], a => a.Attribute.Add(OnnxGraph.Int("axis", 1)));
                var y = sh[1].Export(g, sh[0].Export(g, g.Op("Concat", [cvSoftmax, p], a => a.Attribute.Add(OnnxGraph.Int("axis", 1)))));
                var votes = g.Reshape(g.Slice(y, 1, 0, 1), b, 1, h4 * w4);
                var weights = g.Op("Softmax", [g.Reshape(g.Slice(y, 1, 1, 2), b, 1, h4 * w4)], a => a.Attribute.Add(OnnxGraph.Int("axis", 2)));
                var logScale = g.Op("ReduceSum", [g.Op("Mul", [weights, votes]), g.Longs("axes", 2)], a => a.Attribute.Add(OnnxGraph.Int("keepdims", 1)));
                inv4 = g.Op("Mul", [inv4, g.Op("Exp", [g.Op("Neg", [g.Reshape(logScale, b, 1, 1, 1)])])]);
                inv4 = g.Op("Min", [g.Op("Max", [inv4, g.Slice(invdB_D11, 1, 0, 1)]), g.Slice(invdB_D11, 1, d - 1, d)]);
            }
            var depth = g.Op("Reciprocal", [g.ResizeBilinear(inv4, b, 1, H, W)]);
            var sem = g.ResizeBilinear(g.Slice(hd[1].Export(g, x), 1, 0, CvmNetOptions.SemanticClasses), b, CvmNetOptions.SemanticClasses, H, W);
            var n = g.ResizeBilinear(g.Slice(hd[2].Export(g, x), 1, 0, 3), b, 3, H, W);
            var norm = g.Op("ReduceSum", [g.Op("Mul", [n, n]), g.Longs("axes", 1)], a => a.Attribute.Add(OnnxGraph.Int("keepdims", 1)));
            norm = g.Op("Sqrt", [g.Op("Add", [norm, g.Scalar("eps", 1e-6f)])]);
            return (depth, sem, g.Op("Div", [n, norm]));
        }
    }
}
