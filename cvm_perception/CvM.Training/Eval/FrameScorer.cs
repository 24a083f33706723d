using CvM.Evaluation.Metrics;
using CvM.Training.Data;

namespace CvM.Training.Eval;

/// <summary>
/// Scores predictions of one evaluation set and mode (multi-view or duplicated) with CvM.Evaluation's metric code:
/// depth per frame (<see cref="DepthEvaluator"/>, metric, no median scaling, ground truth valid inside the plane-sweep
/// range) averaged over frames; semantics pooled in one <see cref="SemanticConfusion"/> (prediction = argmax over the
/// 13 classes, void never predicted); normals pooled in a <see cref="NormalAccumulator"/>. Frames without labels
/// (all void) or normals (all zero) add nothing to those two.
/// </summary>
public sealed class FrameScorer(DepthRange range)
{
    private readonly List<DepthMetrics> _depth = [];
    private readonly List<(double AbsRel, double LogScale)> _scaled = [];
    private readonly SemanticConfusion _semantics = new();
    private readonly NormalAccumulator _normals = new();
    private long _labelledPixels, _normalPixels;

    /// <summary>Frames scored.</summary>
    public int Frames => _depth.Count;

    /// <summary>Adds one frame: ground truth of <paramref name="truth"/> (reference depth, labels, normals) against <paramref name="p"/>.</summary>
    public void Add(ViewTriplet truth, CvmPrediction p)
    {
        int n = truth.Height * truth.Width;
        if (p.Depth.Length != n || p.Normals.Length != 3 * n || p.SemanticLogits.Length % n != 0)
            throw new ArgumentException("prediction size does not match the ground truth");
        _depth.Add(DepthEvaluator.Evaluate(truth.RefDepth, p.Depth, range));
        if (MedianScaled(truth.RefDepth, p.Depth, range) is { } scaled) _scaled.Add(scaled);
        if (truth.RefLabels.Any(l => l != 0))
        {
            _semantics.Add(truth.RefLabels, ArgmaxClasses(p.SemanticLogits, n));
            _labelledPixels += truth.RefLabels.Count(l => l != 0);
        }
        if (truth.RefNormals.Any(v => v != 0))
        {
            _normals.Add(Interleave(truth.RefNormals, n), Interleave(p.Normals, n));
            _normalPixels += n;
        }
    }

    /// <summary>The set's figures as a manifest entry.</summary>
    public Export.EvalMetrics ToMetrics(string set, string mode)
    {
        var d = DepthMetrics.MeanOfFrames(_depth);
        return new Export.EvalMetrics(set, Frames, mode, d.AbsRel, d.Rmse, d.Delta1,
            _labelledPixels > 0 ? _semantics.MeanIoU() : null, _normalPixels > 0 ? _normals.ToMetrics().MeanDeg : null,
            _scaled.Count > 0 ? _scaled.Average(x => x.AbsRel) : null, _scaled.Count > 0 ? _scaled.Average(x => x.LogScale) : null);
    }

    /// <summary>
    /// One frame's AbsRel after scaling the prediction by <c>s = median(gt / pred)</c> over the pixels
    /// <see cref="DepthEvaluator"/> counts (prediction clamped to the range the same way), and <c>|ln s|</c>;
    /// null when no pixel counts.
    /// </summary>
    public static (double AbsRel, double LogScale)? MedianScaled(float[] gtM, float[] predM, DepthRange range)
    {
        var ratios = new List<double>();
        for (int i = 0; i < gtM.Length; i++)
        {
            float g = gtM[i], q = predM[i];
            if (!range.IsValidGroundTruth(g) || float.IsNaN(q)) continue;
            ratios.Add(g / Math.Clamp(q, range.MinM, range.MaxM));
        }
        if (ratios.Count == 0) return null;
        var sorted = ratios.Order().ToArray();
        double s = sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : 0.5 * (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]);
        // |s q - g| / g = |s / r - 1| with r = g / q.
        return (ratios.Average(r => Math.Abs(s / r - 1)), Math.Abs(Math.Log(s)));
    }

    /// <summary>Per-pixel argmax over logits 1..13 of planar <c>[C, n]</c> logits (void, logit 0, is never chosen).</summary>
    public static byte[] ArgmaxClasses(float[] logitsCn, int n)
    {
        int classes = logitsCn.Length / n;
        var labels = new byte[n];
        for (int i = 0; i < n; i++)
        {
            int best = 1;
            for (int c = 2; c < classes; c++)
                if (logitsCn[c * n + i] > logitsCn[best * n + i]) best = c;
            labels[i] = (byte)best;
        }
        return labels;
    }

    private static float[] Interleave(float[] planar3n, int n)
    {
        var xyz = new float[3 * n];
        for (int i = 0; i < n; i++)
            for (int c = 0; c < 3; c++) xyz[3 * i + c] = planar3n[c * n + i];
        return xyz;
    }
}
