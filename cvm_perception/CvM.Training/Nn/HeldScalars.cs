using TorchSharp;

namespace CvM.Training.Nn;

/// <summary>
/// Scalars held for the life of the process, for adds on the training path. <c>Tensor.add(Tensor)</c> (and <c>a + b</c>)
/// passes a temporary <c>1</c> Scalar whose last use is reading its handle for the native call, so the GC may finalize
/// it, freeing the native Scalar, while the add still runs. libtorch then fails in <c>Scalar::toFloat</c>, which is
/// what killed the trainer every 5-25 minutes (models/README.md). A Scalar in a static field is never finalized
/// (TorchSharp 0.107 does not put Scalars in dispose scopes, so no scope disposes it either).
/// </summary>
internal static class HeldScalars
{
    /// <summary>The alpha of a plain add.</summary>
    public static readonly Scalar One = 1.0f.ToScalar();
}
