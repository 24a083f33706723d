using CvM.Training.Nn;
using static TorchSharp.torch;

namespace CvM.Training.Train;

/// <summary>Loss terms of one step (scalars, detached values for logging).</summary>
public sealed record LossTerms(double Total, double DepthL1, double Silog, double Semantic, double Normal);

/// <summary>
/// Multi-task loss: L1 of log depth + scale-invariant log loss (lambda 0.85) on valid depth (&gt; 0), cross-entropy
/// on semantics ignoring void (id 0), and <c>1 - cos</c> between predicted and ground-truth normals where defined.
/// </summary>
public static class Losses
{
    /// <summary>Returns the total loss tensor (for backward) and the logged terms.</summary>
    public static (Tensor Loss, LossTerms Terms) Compute(CvmOutputs pred, Batch batch, TrainConfig cfg)
    {
        using var scope = NewDisposeScope();
        var valid = batch.DepthGt.Above(0f);
        var n = valid.sum().AtLeast(1f);
        var g = (pred.DepthB1HW.AtLeast(1e-3f).log() - batch.DepthGt.AtLeast(1e-3f).log()) * valid;
        var l1 = g.abs().sum() / n;
        var mean = g.sum() / n;
        var silog = (g.square().sum() / n - mean.square().Times(0.85f)).AtLeast(1e-8f).sqrt();
        var sem = nn.functional.cross_entropy(pred.SemanticLogitsB14HW, batch.LabelsGt, ignore_index: 0);
        if (batch.LabelsGt.Above(0f).sum().item<long>() == 0) sem = zeros(1).sum();
        var nValid = batch.NormalsGt.abs().sum(1, keepdim: true).Above(0.5f);
        var cos = (pred.NormalsB3HW * batch.NormalsGt).sum(1, keepdim: true);
        var normal = (cos.SubtractedFrom(1f) * nValid).sum() / nValid.sum().AtLeast(1f);
        var total = l1.Times(cfg.DepthWeight).Plus(silog.Times(cfg.SilogWeight)).Plus(sem.Times(cfg.SemanticWeight)).Plus(normal.Times(cfg.NormalWeight));
        var terms = new LossTerms(total.item<float>(), l1.item<float>(), silog.item<float>(), sem.item<float>(), normal.item<float>());
        return (total.MoveToOuterDisposeScope(), terms);
    }
}
