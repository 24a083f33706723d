namespace CvM.Inference.Benchmarking;

/// <summary>
/// Latency of one ONNX graph in one ONNX Runtime session (wall time of <c>Run</c>, inputs and outputs in host memory
/// as the node passes them), time per part from ONNX Runtime's profiler, and where the nodes ran.
/// </summary>
/// <param name="Graph">file name of the graph.</param>
/// <param name="Selection">the execution provider that ran it, and why when it is not the one asked for.</param>
/// <param name="Runs">timed runs (after the warm-up runs).</param>
/// <param name="MeanMs">mean wall time per run.</param>
/// <param name="MedianMs">median wall time per run.</param>
/// <param name="P90Ms">90th percentile wall time per run.</param>
/// <param name="MinMs">fastest run.</param>
/// <param name="PartMsPerRun">
/// profiler time per run by node-name prefix (<c>enc/</c>, <c>xview/</c>, <c>cv/</c>, <c>fusion/</c>, <c>heads/</c>,
/// else <c>other</c>). On the CUDA provider a kernel's profiled time is the host time to launch it, not its GPU time.
/// </param>
/// <param name="Placement">node counts per provider and the nodes off the session's provider.</param>
public sealed record GraphBenchResult(
    string Graph,
    ProviderSelection Selection,
    int Runs,
    double MeanMs,
    double MedianMs,
    double P90Ms,
    double MinMs,
    IReadOnlyDictionary<string, double> PartMsPerRun,
    NodePlacement Placement);
