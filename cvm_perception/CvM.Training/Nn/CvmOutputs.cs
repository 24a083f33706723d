using static TorchSharp.torch;

namespace CvM.Training.Nn;

/// <summary>
/// Network outputs at model-input resolution: <c>DepthB1HW</c> (metres), <c>SemanticLogitsB14HW</c> (class 0 = void),
/// <c>NormalsB3HW</c> (unit, camera optical frame) and the 1/4-resolution plane logits used by the depth head.
/// The caller owns (disposes) the tensors.
/// </summary>
public sealed record CvmOutputs(Tensor DepthB1HW, Tensor SemanticLogitsB14HW, Tensor NormalsB3HW);
