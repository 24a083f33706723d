namespace CvM.Inference.Benchmarking;

/// <summary>
/// Where ONNX Runtime ran a graph's nodes, read from its profiler: how many nodes each execution provider ran, and
/// the nodes that did not run on the session's provider (for a CUDA session: the nodes that fell back to the CPU,
/// as "OpType name"). ONNX Runtime inserts its own copy nodes (<c>MemcpyFromHost</c>, <c>MemcpyToHost</c>) where
/// data crosses between providers; they are counted like any node, under the provider that ran them.
/// </summary>
/// <param name="NodesPerProvider">provider name (as ONNX Runtime reports it) to node count, over one run.</param>
/// <param name="OffProviderNodes">"OpType name" of each node not run by the session's provider, sorted.</param>
public sealed record NodePlacement(IReadOnlyDictionary<string, int> NodesPerProvider, IReadOnlyList<string> OffProviderNodes);
