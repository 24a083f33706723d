namespace CvM.Inference;

/// <summary>Which execution provider to ask for (the <c>device</c> parameter).</summary>
public enum InferenceDevice
{
    /// <summary>CUDA when its provider loads, else the CPU (the reason is recorded).</summary>
    Auto = 0,

    /// <summary>CUDA only; start-up fails with <see cref="CudaUnavailableException"/> when it does not load.</summary>
    Cuda,

    /// <summary>CPU only.</summary>
    Cpu,
}
