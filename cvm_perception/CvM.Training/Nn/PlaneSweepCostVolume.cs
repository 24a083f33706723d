using CvM.Training.Export;
using TorchSharp;
using static TorchSharp.torch;

namespace CvM.Training.Nn;

/// <summary>
/// Plane-sweep cost volume (no parameters). Reference pixels (centres of a feature map of stride
/// <c>imageH/featureH</c>, in model-input pixel coordinates) are back-projected with <c>invK</c> at D depths uniform in
/// inverse depth (plane 0 = <c>dmax</c>, plane D-1 = <c>dmin</c>), moved with <c>T_src_ref</c>, projected with
/// <c>K</c>, and the source features are sampled there (GridSample, bilinear, zeros padding, align_corners false).
/// The cost is the scaled dot product <c>sum_c(ref * warped) / sqrt(C)</c>, averaged over the sources.
/// Since <c>K (R z K^-1 p + t) ~ K R K^-1 p + (1/z) K t</c>, the projection is linear in inverse depth.
/// </summary>
public sealed class PlaneSweepCostVolume : nn.Module
{
    private readonly long _planes, _featureH, _featureW, _imageH, _imageW;
    private const float MinZ = 1e-3f;

    /// <summary>Creates the cost volume for features of <c>featureH x featureW</c> from images of <c>imageH x imageW</c>.</summary>
    public PlaneSweepCostVolume(string name, long planes, long featureH, long featureW, long imageH, long imageW) : base(name)
    {
        _planes = planes;
        _featureH = featureH;
        _featureW = featureW;
        _imageH = imageH;
        _imageW = imageW;
    }

    /// <summary>Number of depth planes D.</summary>
    public long Planes => _planes;

    /// <summary>Homogeneous model-input pixel coordinates of the feature-map pixel centres, <c>[3, h*w]</c>, row-major.</summary>
    public float[] PixelCentres()
    {
        float sy = (float)_imageH / _featureH, sx = (float)_imageW / _featureW;
        var pix = new float[3 * _featureH * _featureW];
        long hw = _featureH * _featureW;
        for (long i = 0; i < _featureH; i++)
            for (long j = 0; j < _featureW; j++)
            {
                long k = i * _featureW + j;
                pix[k] = (j + 0.5f) * sx - 0.5f;
                pix[hw + k] = (i + 0.5f) * sy - 0.5f;
                pix[2 * hw + k] = 1f;
            }
        return pix;
    }

    /// <summary>Inverse depths of the planes, <c>[B, D]</c>, from <c>depthRangeB2 = (dmin, dmax)</c>.</summary>
    public Tensor PlaneInverseDepths(Tensor depthRangeB2)
    {
        using var scope = NewDisposeScope();
        var invNear = depthRangeB2.narrow(1, 0, 1).reciprocal();
        var invFar = depthRangeB2.narrow(1, 1, 1).reciprocal();
        var lin = linspace(0, 1, _planes, dtype: depthRangeB2.dtype, device: depthRangeB2.device).reshape(1, _planes);
        return invFar.Plus(lin * (invNear - invFar)).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Source pixel coordinates (model-input pixels) of every reference feature pixel at each inverse depth:
    /// returns <c>(uv [B, 2, D, h*w], valid [B, 1, D, h*w])</c>; <c>invDepthBD</c> need not be the planes.
    /// </summary>
    public (Tensor Uv, Tensor Valid) Project(Tensor K_B33, Tensor invK_B33, Tensor T_src_ref_B44, Tensor invDepthBD)
    {
        using var scope = NewDisposeScope();
        long b = K_B33.shape[0], d = invDepthBD.shape[1], hw = _featureH * _featureW;
        var pix = tensor(PixelCentres(), dtype: K_B33.dtype, device: K_B33.device).reshape(3, hw);
        var r = T_src_ref_B44.narrow(1, 0, 3).narrow(2, 0, 3);
        var t = T_src_ref_B44.narrow(1, 0, 3).narrow(2, 3, 1);
        var a = K_B33.matmul(r).matmul(invK_B33).matmul(pix).reshape(b, 3, 1, hw);
        var kt = K_B33.matmul(t).reshape(b, 3, 1, 1);
        var p = a.Plus(kt * invDepthBD.reshape(b, 1, d, 1));
        var z = p.narrow(1, 2, 1);
        var valid = z.Above(MinZ);
        var uv = p.narrow(1, 0, 2) / z.AtLeast(MinZ);
        return (uv.MoveToOuterDisposeScope(), valid.MoveToOuterDisposeScope());
    }

    /// <summary>Warps <c>srcBChw</c> to the reference at each plane: <c>[B, C, D, h, w]</c>.</summary>
    public Tensor Warp(Tensor srcBChw, Tensor K_B33, Tensor invK_B33, Tensor T_src_ref_B44, Tensor invDepthBD)
    {
        using var scope = NewDisposeScope();
        long b = srcBChw.shape[0], c = srcBChw.shape[1], d = invDepthBD.shape[1];
        var (uv, valid) = Project(K_B33, invK_B33, T_src_ref_B44, invDepthBD);
        var size = tensor(new float[] { _imageW, _imageH }, dtype: uv.dtype, device: uv.device).reshape(1, 2, 1, 1);
        var g = (uv.Times(2f).Plus(1f) / size).Minus(1f);
        g = where(valid, g, g.FilledLike(-2f)).Between(-2f, 2f);
        var grid = g.permute(0, 2, 3, 1).reshape(b, d * _featureH, _featureW, 2);
        var warped = nn.functional.grid_sample(srcBChw, grid, GridSampleMode.Bilinear, GridSamplePaddingMode.Zeros, align_corners: false);
        return warped.reshape(b, c, d, _featureH, _featureW).MoveToOuterDisposeScope();
    }

    /// <summary>Cost volume <c>[B, D, h, w]</c> of the reference against the sources (averaged).</summary>
    public Tensor Forward(Tensor refBChw, IReadOnlyList<Tensor> srcBChw, Tensor K_B33, Tensor invK_B33,
        IReadOnlyList<Tensor> T_src_ref_B44, Tensor depthRangeB2)
    {
        using var scope = NewDisposeScope();
        var invd = PlaneInverseDepths(depthRangeB2);
        float scale = (float)(1.0 / Math.Sqrt(refBChw.shape[1]));
        Tensor? sum = null;
        for (int s = 0; s < srcBChw.Count; s++)
        {
            var warped = Warp(srcBChw[s], K_B33, invK_B33, T_src_ref_B44[s], invd);
            var corr = (refBChw.unsqueeze(2) * warped).sum(1).Times(scale);
            sum = sum is null ? corr : sum.Plus(corr);
        }
        return sum!.Over(srcBChw.Count).MoveToOuterDisposeScope();
    }

    /// <summary>Emits the plane inverse depths <c>[B, D]</c>.</summary>
    public string ExportPlaneInverseDepths(OnnxGraph g, string depthRange)
    {
        using var scope = g.Scope("cv");
        var invNear = g.Op("Reciprocal", [g.Slice(depthRange, 1, 0, 1)]);
        var invFar = g.Op("Reciprocal", [g.Slice(depthRange, 1, 1, 2)]);
        var lin = Enumerable.Range(0, (int)_planes).Select(i => _planes == 1 ? 0f : (float)i / (_planes - 1)).ToArray();
        var linName = g.Floats("lin", lin, 1, _planes);
        return g.Op("Add", [invFar, g.Op("Mul", [linName, g.Op("Sub", [invNear, invFar])])]);
    }

    /// <summary>Emits the cost volume for batch <paramref name="b"/> and <paramref name="channels"/> channels.</summary>
    public string Export(OnnxGraph g, string refF, IReadOnlyList<string> srcF, string k, string invK,
        IReadOnlyList<string> tSrcRef, string invd, long b, long channels)
    {
        using var scope = g.Scope("cv");
        long hw = _featureH * _featureW;
        var pix = g.Floats("pix", PixelCentres(), 3, hw);
        var size = g.Floats("size", [_imageW, _imageH], 1, 2, 1, 1);
        var invdB1D1 = g.Reshape(invd, b, 1, _planes, 1);
        string? sum = null;
        for (int s = 0; s < srcF.Count; s++)
        {
            using var s2 = g.Scope("src" + (s + 1));
            var r = g.Slice(g.Slice(tSrcRef[s], 1, 0, 3), 2, 0, 3);
            var t = g.Slice(g.Slice(tSrcRef[s], 1, 0, 3), 2, 3, 4);
            var a = g.Reshape(g.Op("MatMul", [g.Op("MatMul", [g.Op("MatMul", [k, r]), invK]), pix]), b, 3, 1, hw);
            var kt = g.Reshape(g.Op("MatMul", [k, t]), b, 3, 1, 1);
            var p = g.Op("Add", [a, g.Op("Mul", [kt, invdB1D1])]);
            var z = g.Slice(p, 1, 2, 3);
            var valid = g.Op("Greater", [z, g.Scalar("minz", MinZ)]);
            var uv = g.Op("Div", [g.Slice(p, 1, 0, 2), g.Op("Max", [z, g.Scalar("minz", MinZ)])]);
            var gr = g.Op("Sub", [g.Op("Div", [g.Op("Add", [g.Op("Mul", [uv, g.Scalar("two", 2f)]), g.Scalar("one", 1f)]), size]), g.Scalar("one", 1f)]);
            gr = g.Op("Where", [valid, gr, g.Scalar("outside", -2f)]);
            gr = g.Op("Clip", [gr, g.Scalar("lo", -2f), g.Scalar("hi", 2f)]);
            var grid = g.Reshape(g.Transpose(gr, 0, 2, 3, 1), b, _planes * _featureH, _featureW, 2);
            var warped = g.Op("GridSample", [srcF[s], grid], n =>
            {
                n.Attribute.Add(OnnxGraph.Str("mode", "bilinear"));
                n.Attribute.Add(OnnxGraph.Str("padding_mode", "zeros"));
                n.Attribute.Add(OnnxGraph.Int("align_corners", 0));
            });
            warped = g.Reshape(warped, b, channels, _planes, _featureH, _featureW);
            var refU = g.Reshape(refF, b, channels, 1, _featureH, _featureW);
            var corr = g.Op("ReduceSum", [g.Op("Mul", [refU, warped]), g.Longs("axes", 1)], n => n.Attribute.Add(OnnxGraph.Int("keepdims", 0)));
            corr = g.Op("Mul", [corr, g.Scalar("scale", (float)(1.0 / Math.Sqrt(channels)))]);
            sum = sum is null ? corr : g.Op("Add", [sum, corr]);
        }
        return g.Op("Mul", [sum!, g.Scalar("mean", 1f / srcF.Count)]);
    }
}
