using static TorchSharp.torch;

namespace CvM.Training.Nn;

/// <summary>
/// Per-view features (computed once per frame, cacheable for keyframes): encoder stages <c>F4/F8/F16</c> and the
/// cross-view matching features <c>M8</c> (spatial-aware encoder + windowed self-attention) and, when the network has
/// them, the fine matching features <c>K4</c> at 1/4. The record does not own
/// the tensors; whoever produced them disposes them (usually a dispose scope).
/// </summary>
public sealed record ViewFeatures(Tensor F4, Tensor F8, Tensor F16, Tensor M8, Tensor? K4 = null)
{
    /// <summary>Rows <c>[start, start+length)</c> of the batch.</summary>
    public ViewFeatures Narrow(long start, long length) =>
        new(F4.narrow(0, start, length), F8.narrow(0, start, length), F16.narrow(0, start, length), M8.narrow(0, start, length),
            K4?.narrow(0, start, length));
}
