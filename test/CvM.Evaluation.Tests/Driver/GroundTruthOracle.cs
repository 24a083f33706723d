using CvM.Evaluation.Driver;

namespace CvM.Evaluation.Tests.Driver;

/// <summary>Test source that returns the frame's own ground truth (a perfect predictor), NaN where there is none.</summary>
internal sealed class GroundTruthOracle : IDepthSource
{
    public string Name => "gt-oracle";
    public string Description => "test: the frame's own ground truth";
    public DepthSourceKind Kind => DepthSourceKind.OracleReference;
    public void Reset() { }

    public bool TryPredict(EvalFrame frame, Span<float> depthM)
    {
        var gt = frame.GroundTruthDepthM.Span;
        for (int i = 0; i < gt.Length; i++) depthM[i] = gt[i] > 0 ? gt[i] : float.NaN;
        return true;
    }
}
