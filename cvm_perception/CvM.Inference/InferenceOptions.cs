namespace CvM.Inference;

/// <summary>Inference settings (part of the node's parameter record); <see cref="Validate"/> checks ranges.</summary>
public sealed record InferenceOptions
{
    /// <summary>Execution provider request. Default <see cref="InferenceDevice.Auto"/>.</summary>
    public InferenceDevice Device { get; init; } = InferenceDevice.Auto;

    /// <summary>ONNX Runtime intra-op threads (CPU provider), 0 = ONNX Runtime's default, range 0..256. Default 2.</summary>
    public int IntraOpThreads { get; init; } = 2;

    /// <summary>ONNX Runtime inter-op threads, range 0..64 (0 = default). Default 1 (sequential execution).</summary>
    public int InterOpThreads { get; init; } = 1;

    /// <summary>
    /// OpenCV worker threads for pre/post-processing (process-wide <c>cv::setNumThreads</c>, set when a model opens),
    /// range 0..64, 0 = leave OpenCV's setting. Default 1: ONNX Runtime already uses the cores, and OpenCV's pool
    /// competing with it costs more than it gains at these image sizes (and makes each call allocate a little).
    /// </summary>
    public int OpenCvThreads { get; init; } = 1;

    /// <summary>
    /// Whether ONNX Runtime's worker threads spin (busy-wait) for work between and after runs (ONNX Runtime's own
    /// default) instead of sleeping. Default false: spinning workers take the cores that the rest of the node (DDS,
    /// pre/post-processing) and other processes need. Measured on the 2-core development machine with the committed
    /// 96x128 model (CPU provider, 2 intra-op threads): with a load average near 15 the run's median wall time was
    /// 49 ms spinning against 25 ms not; nearly idle (load 2.5) spinning was about 10 % faster (14.2 against 15.7 ms).
    /// Turn it on where the inference threads have cores of their own.
    /// </summary>
    public bool SpinWait { get; init; }

    /// <summary>CUDA device ordinal, range 0..63. Default 0.</summary>
    public int CudaDeviceId { get; init; }

    /// <summary>Depth resize to the camera resolution. Default bilinear.</summary>
    public DepthResizeMode DepthResize { get; init; } = DepthResizeMode.Bilinear;

    /// <summary>Outputs post-processing writes. Default all.</summary>
    public OutputKinds Outputs { get; init; } = OutputKinds.All;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first field out of range.</summary>
    public void Validate()
    {
        if (!Enum.IsDefined(Device)) throw new ArgumentOutOfRangeException(nameof(Device), Device, "device must be auto, cuda or cpu");
        if (IntraOpThreads is < 0 or > 256) throw new ArgumentOutOfRangeException(nameof(IntraOpThreads), IntraOpThreads, "range 0..256");
        if (InterOpThreads is < 0 or > 64) throw new ArgumentOutOfRangeException(nameof(InterOpThreads), InterOpThreads, "range 0..64");
        if (OpenCvThreads is < 0 or > 64) throw new ArgumentOutOfRangeException(nameof(OpenCvThreads), OpenCvThreads, "range 0..64");
        if (CudaDeviceId is < 0 or > 63) throw new ArgumentOutOfRangeException(nameof(CudaDeviceId), CudaDeviceId, "range 0..63");
        if (!Enum.IsDefined(DepthResize)) throw new ArgumentOutOfRangeException(nameof(DepthResize), DepthResize, "bilinear or nearest");
        if ((Outputs & ~OutputKinds.All) != 0) throw new ArgumentOutOfRangeException(nameof(Outputs), Outputs, "unknown output flags");
    }

    /// <summary>Parses the <c>device</c> parameter (auto, cuda, cpu; case-insensitive).</summary>
    public static InferenceDevice ParseDevice(string value) => value.Trim().ToLowerInvariant() switch
    {
        "auto" => InferenceDevice.Auto,
        "cuda" or "gpu" => InferenceDevice.Cuda,
        "cpu" => InferenceDevice.Cpu,
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, "device must be auto, cuda or cpu"),
    };
}
