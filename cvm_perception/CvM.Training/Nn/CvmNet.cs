using TorchSharp;
using static TorchSharp.torch;

namespace CvM.Training.Nn;

/// <summary>
/// The CvM network (DESIGN §2). Per view: ResNet-18 encoder (stages 1-3) and the per-view half of the Cross-view
/// Module (spatial-aware encoder + windowed self-attention) give <see cref="ViewFeatures"/>. Multi-view: reference
/// &lt;- sources cross-attention, plane-sweep cost volume on the matching features, fusion at 1/8, decoder at 1/4,
/// heads (depth as soft-argmin over plane inverse depths, 14 semantic logits, unit normals), bilinear upsampling to
/// the input size. Inputs: RGB in [0,1], <c>K</c>/<c>invK</c> for the model input size, <c>T_src_ref</c> 4x4,
/// <c>depthRangeB2 = (dmin, dmax)</c> in metres.
/// </summary>
public sealed class CvmNet : nn.Module
{
    private readonly ResNetEncoder encoder;
    private readonly SpatialAwareEncoder spatial;
    private readonly TransformerBlock self_attn, cross_attn;
    private readonly PlaneSweepCostVolume cost_volume;
    private readonly PlaneSweepCostVolume? cost_volume4;
    private readonly ConvBn? match4;
    private readonly ConvBn fuse1, fuse2, dec1, dec2, head_depth, head_sem, head_normal;
    private readonly ConvBn? scale1, scale2;

    /// <summary>Semantic and normal heads are padded to 16 output channels and sliced (DESIGN §5).</summary>
    public const int PaddedHead = 16;

    /// <summary>Hidden channels of the global scale head (<see cref="CvmNetOptions.GlobalScale"/>).</summary>
    public const int ScaleChannels = 32;

    /// <summary>Creates the network with random weights.</summary>
    public CvmNet(CvmNetOptions options) : base("cvm")
    {
        options.Validate();
        Options = options;
        int c = options.Channels, d = options.Planes, fc = options.FusionChannels, dc = options.DecoderChannels;
        cost_volume = new PlaneSweepCostVolume("cost_volume", d, options.H8, options.W8, options.ImageHeight, options.ImageWidth);
        if (options.FineChannels > 0)
        {
            cost_volume4 = new PlaneSweepCostVolume("cost_volume4", d, options.ImageHeight / 4, options.ImageWidth / 4, options.ImageHeight, options.ImageWidth);
            match4 = new ConvBn("match4", ResNetEncoder.Channels[0], options.FineChannels, 3, relu: false);
        }
        encoder = new ResNetEncoder("encoder");
        spatial = new SpatialAwareEncoder("spatial", options, cost_volume.PixelCentres());
        self_attn = new TransformerBlock("self_attn", c, options.Heads, cross: false);
        cross_attn = new TransformerBlock("cross_attn", c, options.Heads, cross: true);
        fuse1 = new ConvBn("fuse1", ResNetEncoder.Channels[1] + c + d + ResNetEncoder.Channels[2], fc, 3);
        fuse2 = new ConvBn("fuse2", fc, fc, 3);
        dec1 = new ConvBn("dec1", fc + ResNetEncoder.Channels[0] + d, dc, 3);
        dec2 = new ConvBn("dec2", dc, dc, 3);
        head_depth = new ConvBn("head_depth", dc, d, 3, batchNorm: false, relu: false);
        head_sem = new ConvBn("head_sem", dc, PaddedHead, 3, batchNorm: false, relu: false);
        head_normal = new ConvBn("head_normal", dc, PaddedHead, 3, batchNorm: false, relu: false);
        if (options.GlobalScale)
        {
            scale1 = new ConvBn("scale1", 2 * d, ScaleChannels, 3);
            scale2 = new ConvBn("scale2", ScaleChannels, PaddedHead, 1, batchNorm: false, relu: false);
            using var _ = no_grad();
            scale2.Conv.weight!.zero_();
            scale2.Conv.bias!.zero_();
        }
        RegisterComponents();
    }

    /// <summary>When true the pretrained encoder runs without gradients (fixed features; saves most backward work).</summary>
    public bool FreezeEncoder { get; set; }

    /// <summary>Shape parameters.</summary>
    public CvmNetOptions Options { get; }

    internal ResNetEncoder Encoder => encoder;
    internal SpatialAwareEncoder Spatial => spatial;
    internal TransformerBlock SelfAttn => self_attn;
    internal TransformerBlock CrossAttn => cross_attn;
    internal PlaneSweepCostVolume CostVolume => cost_volume;
    internal PlaneSweepCostVolume? CostVolume4 => cost_volume4;
    internal ConvBn? Match4 => match4;
    internal ConvBn[] Fusion => [fuse1, fuse2, dec1, dec2];
    internal ConvBn[] Heads => [head_depth, head_sem, head_normal];
    internal ConvBn[]? ScaleHead => scale1 is null ? null : [scale1, scale2!];

    /// <summary>Parameters of the Cross-view Module (spatial-aware encoder, both transformer blocks; the cost volume has none).</summary>
    public long CrossViewParameterCount =>
        new nn.Module?[] { spatial, self_attn, cross_attn, match4 }.OfType<nn.Module>().Sum(m => m.parameters().Sum(p => p.numel()));

    /// <summary>Switches to training mode with the pretrained encoder's batch norms frozen.</summary>
    public void TrainMode()
    {
        train();
        encoder.FreezeBatchNorm();
    }

    /// <summary>Per-view features of <c>imagesN3HW</c> with <c>invK_N33</c>.</summary>
    public ViewFeatures Features(Tensor imagesN3HW, Tensor invK_N33)
    {
        using var scope = NewDisposeScope();
        Tensor f4, f8, f16;
        if (FreezeEncoder)
        {
            using var _ = no_grad();
            (f4, f8, f16) = encoder.forward(imagesN3HW);
        }
        else
        {
            (f4, f8, f16) = encoder.forward(imagesN3HW);
        }
        var m = spatial.forward(f8, invK_N33);
        var tokens = WindowPartition(m, Options.Window);
        tokens = self_attn.forward(tokens, null);
        var m8 = WindowMerge(tokens, m.shape[0], m.shape[1], m.shape[2], m.shape[3], Options.Window);
        var k4 = match4?.forward(f4);
        return new ViewFeatures(f4.MoveToOuterDisposeScope(), f8.MoveToOuterDisposeScope(), f16.MoveToOuterDisposeScope(), m8.MoveToOuterDisposeScope(),
            k4?.MoveToOuterDisposeScope());
    }

    /// <summary>
    /// Multi-view part: cross-attention, cost volume(s), fusion and heads. <paramref name="src1K4"/> and
    /// <paramref name="src2K4"/> are the sources' fine matching features (required when the network has them).
    /// </summary>
    public CvmOutputs MultiView(ViewFeatures reference, Tensor src1M8, Tensor src2M8, Tensor K_B33, Tensor invK_B33,
        Tensor T_src1_ref_B44, Tensor T_src2_ref_B44, Tensor depthRangeB2, Tensor? src1K4 = null, Tensor? src2K4 = null)
    {
        using var scope = NewDisposeScope();
        var o = Options;
        long b = reference.M8.shape[0], c = o.Channels, h = o.H8, w = o.W8;
        var refTokens = reference.M8.flatten(2).transpose(1, 2);
        var srcTokens = cat([src1M8.flatten(2).transpose(1, 2), src2M8.flatten(2).transpose(1, 2)], 1);
        var x8 = cross_attn.forward(refTokens, srcTokens).transpose(1, 2).reshape(b, c, h, w);
        var cv = cost_volume.Forward(reference.M8, [src1M8, src2M8], K_B33, invK_B33, [T_src1_ref_B44, T_src2_ref_B44], depthRangeB2);
        var f16up = Up(reference.F16, h, w);
        var x = fuse2.forward(fuse1.forward(cat([reference.F8, x8, cv, f16up], 1)));
        long h4 = reference.F4.shape[2], w4 = reference.F4.shape[3];
        var cv4 = cost_volume4 is null ? Up(cv, h4, w4)
            : cost_volume4.Forward(reference.K4 ?? throw new ArgumentException("fine features missing"),
                [src1K4 ?? throw new ArgumentException("src1 fine features missing"), src2K4 ?? throw new ArgumentException("src2 fine features missing")],
                K_B33, invK_B33, [T_src1_ref_B44, T_src2_ref_B44], depthRangeB2);
        x = dec2.forward(dec1.forward(cat([Up(x, h4, w4), reference.F4, cv4], 1)));
        var p = head_depth.forward(x).softmax(1);
        var invd = cost_volume.PlaneInverseDepths(depthRangeB2).reshape(b, o.Planes, 1, 1);
        var invDepth4 = (p * invd).sum(1, keepdim: true);
        if (scale1 is not null)
        {
            // One log-scale per sample: the softmax-weighted mean of per-pixel votes (channel 0) with weights from channel 1.
            // The head sees only two distributions over the planes, where matching puts the depth (the fine cost volume's
            // softmax) and where the network does (p): no appearance features, so that it carries over to real images.
            var y = scale2!.forward(scale1.forward(cat([cv4.softmax(1), p], 1)));
            var votes = y.narrow(1, 0, 1).flatten(2);
            var weights = y.narrow(1, 1, 1).flatten(2).softmax(2);
            var logScale = (weights * votes).sum(2, keepdim: true).reshape(b, 1, 1, 1);
            invDepth4 = torch.minimum(torch.maximum(invDepth4 * (-logScale).exp(), invd.narrow(1, 0, 1)), invd.narrow(1, o.Planes - 1, 1));
        }
        var depth = Up(invDepth4, o.ImageHeight, o.ImageWidth).reciprocal();
        var sem = Up(head_sem.forward(x).narrow(1, 0, CvmNetOptions.SemanticClasses), o.ImageHeight, o.ImageWidth);
        var n = Up(head_normal.forward(x).narrow(1, 0, 3), o.ImageHeight, o.ImageWidth);
        n = n / n.square().sum(1, keepdim: true).Plus(1e-6f).sqrt();
        return new CvmOutputs(depth.MoveToOuterDisposeScope(), sem.MoveToOuterDisposeScope(), n.MoveToOuterDisposeScope());
    }

    /// <summary>Whole network: reference and two sources (pass the reference and identity poses to duplicate).</summary>
    public CvmOutputs Forward(Tensor refB3HW, Tensor src1B3HW, Tensor src2B3HW, Tensor K_B33, Tensor invK_B33,
        Tensor T_src1_ref_B44, Tensor T_src2_ref_B44, Tensor depthRangeB2)
    {
        using var scope = NewDisposeScope();
        long b = refB3HW.shape[0];
        var all = Features(cat([refB3HW, src1B3HW, src2B3HW], 0), cat([invK_B33, invK_B33, invK_B33], 0));
        var outs = MultiView(all.Narrow(0, b), all.M8.narrow(0, b, b), all.M8.narrow(0, 2 * b, b), K_B33, invK_B33,
            T_src1_ref_B44, T_src2_ref_B44, depthRangeB2, all.K4?.narrow(0, b, b), all.K4?.narrow(0, 2 * b, b));
        return new CvmOutputs(outs.DepthB1HW.MoveToOuterDisposeScope(), outs.SemanticLogitsB14HW.MoveToOuterDisposeScope(),
            outs.NormalsB3HW.MoveToOuterDisposeScope());
    }

    /// <summary><c>[N, C, h, w]</c> to window tokens <c>[N * windows, ws * ws, C]</c>.</summary>
    internal static Tensor WindowPartition(Tensor x, long ws)
    {
        long n = x.shape[0], c = x.shape[1], h = x.shape[2], w = x.shape[3];
        return x.reshape(n, c, h / ws, ws, w / ws, ws).permute(0, 2, 4, 3, 5, 1).reshape(n * (h / ws) * (w / ws), ws * ws, c);
    }

    /// <summary>Inverse of <see cref="WindowPartition"/>.</summary>
    internal static Tensor WindowMerge(Tensor tokens, long n, long c, long h, long w, long ws) =>
        tokens.reshape(n, h / ws, w / ws, ws, ws, c).permute(0, 5, 1, 3, 2, 4).reshape(n, c, h, w);

    private static Tensor Up(Tensor x, long h, long w) =>
        nn.functional.interpolate(x, [h, w], mode: InterpolationMode.Bilinear, align_corners: false);
}
