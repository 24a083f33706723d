using CvM.Evaluation.Driver;

namespace CvM.Evaluation.Sources;

/// <summary>
/// Oracle-like reference, not a baseline to compete with: predicts each frame's depth as the previous frame's
/// ground-truth depth, unwarped, with pixels that had no ground truth filled by that frame's median. It uses ground
/// truth (of the frame before), so on a slow camera it is an optimistic upper reference for what temporal copying
/// can give. The first frame has no prediction (skipped and counted by the driver).
/// Owns a depth buffer and a scratch buffer, allocated on the first frame and reused.
/// </summary>
public sealed class PreviousFrameDepthSource : IDepthSource
{
    private float[] _previousM = [];
    private float[] _scratch = [];
    private bool _hasPrevious;

    /// <inheritdoc/>
    public string Name => "previous-frame-gt";

    /// <inheritdoc/>
    public string Description =>
        "Oracle reference (uses ground truth): the previous frame's ground-truth depth, not warped, holes filled with its median; first frame skipped.";

    /// <inheritdoc/>
    public DepthSourceKind Kind => DepthSourceKind.OracleReference;

    /// <inheritdoc/>
    public void Reset() => _hasPrevious = false;

    /// <inheritdoc/>
    public bool TryPredict(EvalFrame frame, Span<float> depthM)
    {
        var gt = frame.GroundTruthDepthM.Span;
        bool predicted = _hasPrevious && _previousM.Length == depthM.Length;
        if (predicted) _previousM.CopyTo(depthM);
        // Remember this frame's ground truth, holes filled, for the next frame.
        if (_previousM.Length != gt.Length) _previousM = new float[gt.Length];
        float median = DepthStatistics.MedianValid(gt, ref _scratch);
        _hasPrevious = !float.IsNaN(median);
        for (int i = 0; i < gt.Length; i++)
            _previousM[i] = gt[i] > 0 && float.IsFinite(gt[i]) ? gt[i] : median;
        return predicted;
    }
}
