namespace CvM.Inference;

/// <summary>
/// Start-up error: <see cref="InferenceDevice.Cuda"/> was requested but ONNX Runtime's CUDA provider did not load
/// (missing CUDA/cuDNN libraries, no driver, no device). The inner exception is ONNX Runtime's.
/// </summary>
public sealed class CudaUnavailableException : Exception
{
    /// <summary>Creates the error for <paramref name="modelPath"/>.</summary>
    public CudaUnavailableException(string modelPath, string reason, Exception? inner)
        : base($"device=cuda requested for {modelPath}, but the CUDA execution provider is unavailable: {reason}", inner)
    {
        ModelPath = modelPath;
        Reason = reason;
    }

    /// <summary>The model the session was for.</summary>
    public string ModelPath { get; }

    /// <summary>Why CUDA did not load (ONNX Runtime's message).</summary>
    public string Reason { get; }
}
