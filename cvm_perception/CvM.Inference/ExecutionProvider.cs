namespace CvM.Inference;

/// <summary>The ONNX Runtime execution provider a session actually runs on.</summary>
public enum ExecutionProvider
{
    /// <summary>ONNX Runtime's CPU provider.</summary>
    Cpu = 0,

    /// <summary>The CUDA provider (nodes it does not support still run on the CPU).</summary>
    Cuda,
}
