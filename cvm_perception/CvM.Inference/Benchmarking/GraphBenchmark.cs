using System.Diagnostics;
using System.Text.Json;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace CvM.Inference.Benchmarking;

/// <summary>
/// Measures one graph of the model (the whole graph, the feature graph or the multi-view graph) in a session made
/// by <see cref="OrtSessionFactory"/>, so on the provider the node would use with the same options: inputs with a
/// valid geometry (intrinsics for the graph's input size, two source poses 10 cm to either side) and uniform
/// random pixels/features, <c>warmup</c> untimed runs, <c>runs</c> timed runs, then a second, profiled session for
/// the time per part and the node placement. Inputs and outputs live in host memory, as in the node, so on CUDA
/// the figures include the copies to and from the GPU.
/// </summary>
public static class GraphBenchmark
{
    private static readonly string[] Parts = ["enc/", "xview/", "cv/", "fusion/", "heads/"];

    /// <summary>Benchmarks <paramref name="modelPath"/> with <paramref name="options"/>.</summary>
    /// <exception cref="CudaUnavailableException"><paramref name="options"/> asks for CUDA and it does not load.</exception>
    public static GraphBenchResult Run(string modelPath, InferenceOptions options, int runs, int warmup = 5)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(runs, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(warmup);
        List<NamedOnnxValue> inputs;
        ProviderSelection selection;
        var times = new double[runs];
        using (var session = OrtSessionFactory.Create(modelPath, options, configure: null, out selection))
        {
            inputs = Inputs(session);
            for (int i = 0; i < warmup; i++) session.Run(inputs).Dispose();
            for (int i = 0; i < runs; i++)
            {
                var t0 = Stopwatch.GetTimestamp();
                session.Run(inputs).Dispose();
                times[i] = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
            }
        }
        var (parts, placement) = Profile(modelPath, options, selection, inputs, Math.Min(runs, 10));
        Array.Sort(times);
        return new GraphBenchResult(Path.GetFileName(modelPath), selection, runs, times.Average(), times[runs / 2],
            times[Math.Min(runs - 1, (int)(runs * 0.9))], times[0], parts, placement);
    }

    /// <summary>ONNX Runtime's name of a provider, as its profiler writes it.</summary>
    public static string OrtName(ExecutionProvider provider) =>
        provider == ExecutionProvider.Cuda ? "CUDAExecutionProvider" : "CPUExecutionProvider";

    private static (Dictionary<string, double> Parts, NodePlacement Placement) Profile(
        string modelPath, InferenceOptions options, ProviderSelection selection, List<NamedOnnxValue> inputs, int runs)
    {
        var prefix = Path.Combine(Path.GetTempPath(), $"cvm_bench_profile_{Environment.ProcessId}_{Guid.NewGuid():N}");
        string file;
        // The profiled session asks for the provider the timed one got (no second CUDA probe after a fallback).
        var profiledOptions = options with { Device = selection.Provider == ExecutionProvider.Cuda ? InferenceDevice.Cuda : InferenceDevice.Cpu };
        using (var session = OrtSessionFactory.Create(modelPath, profiledOptions, o =>
               {
                   o.EnableProfiling = true;
                   o.ProfileOutputPathPrefix = prefix;
               }, out _))
        {
            session.Run(inputs).Dispose();
            for (int i = 0; i < runs; i++) session.Run(inputs).Dispose();
            file = session.EndProfiling();
        }
        try
        {
            return Parse(File.ReadAllText(file), runs + 1, OrtName(selection.Provider));
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>
    /// Time per part per run and node placement from an ONNX Runtime profile (a JSON array of trace events; node
    /// events have <c>cat</c> "Node", a name ending in <c>_kernel_time</c> and <c>args.provider</c>).
    /// </summary>
    internal static (Dictionary<string, double> Parts, NodePlacement Placement) Parse(string profileJson, int runs, string sessionProvider)
    {
        var parts = new Dictionary<string, double>(StringComparer.Ordinal);
        var providerOfNode = new Dictionary<string, (string Provider, string Op)>(StringComparer.Ordinal);
        using var doc = JsonDocument.Parse(profileJson);
        foreach (var e in doc.RootElement.EnumerateArray())
        {
            if (!e.TryGetProperty("cat", out var cat) || cat.GetString() != "Node") continue;
            var name = e.GetProperty("name").GetString() ?? "";
            if (!name.EndsWith("_kernel_time", StringComparison.Ordinal)) continue;
            var node = name[..^"_kernel_time".Length];
            var part = Array.Find(Parts, p => node.StartsWith(p, StringComparison.Ordinal)) ?? "other";
            parts[part] = parts.GetValueOrDefault(part) + e.GetProperty("dur").GetDouble() / 1000.0 / runs;
            if (e.TryGetProperty("args", out var args))
            {
                var provider = args.TryGetProperty("provider", out var p) ? p.GetString() ?? "?" : "?";
                var op = args.TryGetProperty("op_name", out var o) ? o.GetString() ?? "?" : "?";
                providerOfNode[node] = (provider, op);
            }
        }
        var perProvider = providerOfNode.Values.GroupBy(v => v.Provider).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var off = providerOfNode.Where(kv => kv.Value.Provider != sessionProvider)
            .Select(kv => $"{kv.Value.Op} {kv.Key}").Order(StringComparer.Ordinal).ToList();
        return (parts, new NodePlacement(perProvider, off));
    }

    /// <summary>Inputs for <paramref name="session"/>: a valid camera and poses, random images or features (seeded).</summary>
    internal static List<NamedOnnxValue> Inputs(InferenceSession session)
    {
        var rng = new Random(1);
        // The multi-view graph has no image input: its ref_f4 is at 1/4 of the input size.
        var imageDims = session.InputMetadata.TryGetValue("ref_f4", out var f4) ? [1, 3, 4 * f4.Dimensions[2], 4 * f4.Dimensions[3]]
            : session.InputMetadata.First(kv => kv.Value.Dimensions.Length == 4 && kv.Value.Dimensions[1] == 3).Value.Dimensions;
        // 90 % of the width as focal length, centred principal point.
        float f = 0.9f * imageDims[3], cx = imageDims[3] / 2f - 0.5f, cy = imageDims[2] / 2f - 0.5f;
        var inputs = new List<NamedOnnxValue>();
        foreach (var (name, meta) in session.InputMetadata)
        {
            var dims = meta.Dimensions;
            int n = dims.Aggregate(1, (a, b) => a * b);
            float[] data = name switch
            {
                "K" => [f, 0, cx, 0, f, cy, 0, 0, 1],
                "invK" => [1 / f, 0, -cx / f, 0, 1 / f, -cy / f, 0, 0, 1],
                "T_src1_ref" => [1, 0, 0, 0.1f, 0, 1, 0, 0, 0, 0, 1, 0.02f, 0, 0, 0, 1],
                "T_src2_ref" => [1, 0, 0, -0.1f, 0, 1, 0, 0.01f, 0, 0, 1, 0, 0, 0, 0, 1],
                "depth_range" => [0.3f, 10f],
                _ => RandomFloats(rng, n),
            };
            inputs.Add(NamedOnnxValue.CreateFromTensor(name, new DenseTensor<float>(data, dims)));
        }
        return inputs;
    }

    private static float[] RandomFloats(Random rng, int n)
    {
        var a = new float[n];
        for (int i = 0; i < n; i++) a[i] = (float)rng.NextDouble();
        return a;
    }
}
