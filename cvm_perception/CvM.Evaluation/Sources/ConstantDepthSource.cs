using CvM.Evaluation.Driver;

namespace CvM.Evaluation.Sources;

/// <summary>
/// Baseline: the same depth at every pixel of every frame. Either a fixed value, or the median valid
/// ground-truth depth of the first frame of the sequence (which peeks at that one frame's ground truth, once,
/// and says so in <see cref="Description"/>). Holds no buffers beyond a scratch array for the median.
/// </summary>
public sealed class ConstantDepthSource : IDepthSource
{
    private readonly float? _fixedM;
    private float _valueM = float.NaN;
    private float[] _scratch = [];

    private ConstantDepthSource(float? fixedM) => _fixedM = fixedM;

    /// <summary>A source predicting <paramref name="depthM"/> metres everywhere.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The depth is not finite and positive.</exception>
    public static ConstantDepthSource Fixed(float depthM)
    {
        if (!(depthM > 0) || !float.IsFinite(depthM))
            throw new ArgumentOutOfRangeException(nameof(depthM), depthM, "depth must be finite and > 0");
        return new ConstantDepthSource(depthM);
    }

    /// <summary>A source predicting, everywhere, the median valid ground-truth depth of the first frame it sees.</summary>
    public static ConstantDepthSource FirstFrameMedian() => new(null);

    /// <inheritdoc/>
    public string Name => _fixedM is null ? "constant-first-frame-median" : "constant-fixed";

    /// <inheritdoc/>
    public string Description => _fixedM is { } f
        ? $"Baseline: {f:0.###} m at every pixel of every frame (fixed value, no ground truth used)."
        : "Baseline: one depth at every pixel of every frame, the median valid ground-truth depth of the first frame"
          + (float.IsNaN(_valueM) ? "" : $" ({_valueM:0.###} m)") + " (peeks at frame 0's ground truth once).";

    /// <inheritdoc/>
    public DepthSourceKind Kind => DepthSourceKind.Baseline;

    /// <summary>The constant in metres (NaN before the first frame in first-frame-median mode).</summary>
    public float ValueM => _fixedM ?? _valueM;

    /// <inheritdoc/>
    public void Reset() => _valueM = float.NaN;

    /// <inheritdoc/>
    public bool TryPredict(EvalFrame frame, Span<float> depthM)
    {
        if (_fixedM is null && float.IsNaN(_valueM))
        {
            _valueM = DepthStatistics.MedianValid(frame.GroundTruthDepthM.Span, ref _scratch);
            if (float.IsNaN(_valueM)) return false; // first frame without valid ground truth: try the next one
        }
        depthM.Fill(ValueM);
        return true;
    }
}
