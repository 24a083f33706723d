using CvM.Training.Data;

namespace CvM.Training.Eval;

/// <summary>
/// The <c>eval --scale-align</c> experiment: wraps a predictor so that its multi-view depth is rescaled by
/// <see cref="PhotometricScaleAligner"/> against the two source images of the same sample rendered (or resized) at
/// <see cref="Factor"/> times the model size, which the runner sets in <see cref="HighRes"/> before each prediction.
/// Duplicated predictions pass through unchanged (a source that is the reference carries no scale). Counts the
/// estimates and how many were applied.
/// </summary>
public sealed class ScaleAlignedPredictor : ICvmPredictor
{
    /// <summary>Largest matching factor (8: a 96x128 model matched at 768x1024).</summary>
    public const int MaxFactor = 8;

    private readonly ICvmPredictor _inner;
    private readonly PhotometricScaleAligner _aligner;
    private readonly float[] _ref, _s1, _s2;
    private double _sumAbsLog;

    /// <summary>Wraps <paramref name="inner"/> (model size <paramref name="width"/> x <paramref name="height"/>); matching at <paramref name="factor"/> x that size.</summary>
    public ScaleAlignedPredictor(ICvmPredictor inner, int width, int height, int factor, ScaleAlignOptions? options = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(factor, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(factor, MaxFactor);
        (_inner, Factor) = (inner, factor);
        _aligner = new PhotometricScaleAligner(width * factor, height * factor, width, height, options);
        int n = width * height * factor * factor;
        (_ref, _s1, _s2) = (new float[n], new float[n], new float[n]);
    }

    /// <summary>Resolution factor of the images the alignment matches.</summary>
    public int Factor { get; }

    /// <summary>The current sample at <see cref="Factor"/> x the model size (not needed when the factor is 1).</summary>
    public ViewTriplet? HighRes { get; set; }

    /// <summary>Multi-view predictions seen.</summary>
    public int Seen { get; private set; }

    /// <summary>Multi-view predictions whose factor was applied.</summary>
    public int Applied { get; private set; }

    /// <summary>Mean |ln factor| of the applied estimates.</summary>
    public double MeanAbsLogFactor => Applied == 0 ? 0 : _sumAbsLog / Applied;

    /// <inheritdoc />
    public CvmPrediction Predict(ViewTriplet sample, bool duplicate)
    {
        var p = _inner.Predict(sample, duplicate);
        if (duplicate) return p;
        Seen++;
        var hi = Factor == 1 ? sample : HighRes ?? throw new InvalidOperationException("no high-resolution sample set");
        if (hi.Width != sample.Width * Factor || hi.Height != sample.Height * Factor) throw new ArgumentException("high-resolution sample has the wrong size");
        // The same frame at another size has the same relative poses: a stale sample would not.
        if (!hi.T_src1_ref.AsSpan().SequenceEqual(sample.T_src1_ref) || !hi.T_src2_ref.AsSpan().SequenceEqual(sample.T_src2_ref))
            throw new ArgumentException("high-resolution sample is another frame (its poses differ)");
        GrayFromPlanarRgb(hi.RefRgb, _ref);
        GrayFromPlanarRgb(hi.Src1Rgb, _s1);
        GrayFromPlanarRgb(hi.Src2Rgb, _s2);
        var e = _aligner.Estimate(_ref, p.Depth, hi.K, _s1, hi.T_src1_ref, _s2, hi.T_src2_ref);
        if (!e.Applied) return p;
        Applied++;
        _sumAbsLog += Math.Abs(Math.Log(e.Factor));
        var depth = (float[])p.Depth.Clone();
        for (int i = 0; i < depth.Length; i++) depth[i] *= (float)e.Factor;
        return p with { Depth = depth };
    }

    /// <summary>Luma of a planar <c>[3, H, W]</c> image with the BT.601 weights (ZNCC ignores the intensity scale).</summary>
    public static void GrayFromPlanarRgb(ReadOnlySpan<float> rgbC3HW, Span<float> grayHW)
    {
        const float R = 0.299f, G = 0.587f, B = 0.114f;
        int n = grayHW.Length;
        if (rgbC3HW.Length < 3 * n) throw new ArgumentException("image smaller than 3 x the gray buffer");
        for (int i = 0; i < n; i++) grayHW[i] = R * rgbC3HW[i] + G * rgbC3HW[n + i] + B * rgbC3HW[2 * n + i];
    }
}
