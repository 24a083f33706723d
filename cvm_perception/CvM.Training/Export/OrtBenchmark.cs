using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace CvM.Training.Export;

/// <summary>Latency of one ONNX model on ONNX Runtime's CPU provider, and time per part from ORT's profiler.</summary>
public sealed record OrtBenchResult(string Model, int Threads, int Runs, double MeanMs, double MedianMs, double P90Ms, Dictionary<string, double> PartMsPerRun)
{
    /// <summary>False when ONNX Runtime's workers slept between kernels (the node's default) instead of spinning.</summary>
    public bool Spin { get; init; } = true;
}

/// <summary>
/// Runs a model exported by <see cref="CvmOnnxExporter"/> with random inputs (valid geometry) on the CPU provider:
/// a warm-up, <c>runs</c> timed runs, then a profiled session whose node times are grouped by name prefix
/// (<c>enc/</c>, <c>xview/</c>, <c>cv/</c>, <c>fusion/</c>, <c>heads/</c>).
/// </summary>
public static class OrtBenchmark
{
    /// <summary>
    /// Measures <paramref name="modelPath"/>. <paramref name="spin"/> false sets ONNX Runtime's workers to sleep instead
    /// of spinning between kernels, as the node does by default (InferenceOptions.SpinWait off).
    /// </summary>
    public static OrtBenchResult Run(string modelPath, int threads, int runs, bool spin = true)
    {
        var inputsMeta = new List<NamedOnnxValue>();
        using (var s = new InferenceSession(modelPath, Options(threads, null, spin)))
        {
            var rng = new Random(1);
            // Intrinsics for the model's input size (90 % of the width as focal length, centred principal point).
            // The multi-view graph has no image input: its ref_f4 is at 1/4 of the input size.
            var imageDims = s.InputMetadata.TryGetValue("ref_f4", out var f4) ? [1, 3, 4 * f4.Dimensions[2], 4 * f4.Dimensions[3]]
                : s.InputMetadata.First(kv => kv.Value.Dimensions.Length == 4 && kv.Value.Dimensions[1] == 3).Value.Dimensions;
            float f = 0.9f * imageDims[3], cx = imageDims[3] / 2f - 0.5f, cy = imageDims[2] / 2f - 0.5f;
            foreach (var (name, meta) in s.InputMetadata)
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
                    _ => Enumerable.Range(0, n).Select(_ => (float)rng.NextDouble()).ToArray(),
                };
                inputsMeta.Add(NamedOnnxValue.CreateFromTensor(name, new DenseTensor<float>(data, dims)));
            }
            for (int i = 0; i < 3; i++) s.Run(inputsMeta).Dispose();
            var times = new List<double>();
            for (int i = 0; i < runs; i++)
            {
                var sw = Stopwatch.StartNew();
                s.Run(inputsMeta).Dispose();
                times.Add(sw.Elapsed.TotalMilliseconds);
            }
            times.Sort();
            var parts = Profile(modelPath, threads, inputsMeta, Math.Min(runs, 10), spin);
            return new OrtBenchResult(Path.GetFileName(modelPath), threads, runs, times.Average(), times[times.Count / 2],
                times[(int)(times.Count * 0.9)], parts) { Spin = spin };
        }
    }

    private static Dictionary<string, double> Profile(string modelPath, int threads, List<NamedOnnxValue> inputs, int runs, bool spin)
    {
        var prefix = Path.Combine(Path.GetTempPath(), "cvm_ort_profile_" + Environment.ProcessId);
        string file;
        using (var s = new InferenceSession(modelPath, Options(threads, prefix, spin)))
        {
            s.Run(inputs).Dispose();
            for (int i = 0; i < runs; i++) s.Run(inputs).Dispose();
            file = s.EndProfiling();
        }
        var parts = new Dictionary<string, double>();
        using var doc = JsonDocument.Parse(File.ReadAllText(file));
        foreach (var e in doc.RootElement.EnumerateArray())
        {
            if (e.GetProperty("cat").GetString() != "Node") continue;
            var name = e.GetProperty("name").GetString() ?? "";
            if (!name.EndsWith("_kernel_time", StringComparison.Ordinal)) continue;
            var part = name.Contains('/') ? name[..(name.IndexOf('/') + 1)] : "other";
            parts[part] = parts.GetValueOrDefault(part) + e.GetProperty("dur").GetDouble() / 1000.0 / (runs + 1);
        }
        File.Delete(file);
        return parts;
    }

    private static SessionOptions Options(int threads, string? profilePrefix, bool spin)
    {
        var o = new SessionOptions { IntraOpNumThreads = threads, InterOpNumThreads = 1, GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL };
        if (!spin)
        {
            o.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
            o.AddSessionConfigEntry("session.inter_op.allow_spinning", "0");
        }
        if (profilePrefix is not null)
        {
            o.EnableProfiling = true;
            o.ProfileOutputPathPrefix = profilePrefix;
        }
        return o;
    }

    /// <summary>
    /// Benchmarks the graphs a manifest names: a split manifest's feature graph and multi-view graph, then a new
    /// frame's ORT time in the node's steady state (features of the new frame + the multi-view graph; the sources'
    /// features are cached) as the sum of the two medians; a whole-graph manifest's model. Returns console lines.
    /// </summary>
    public static string RunManifest(string manifestPath, int threads, int runs, bool spin = true)
    {
        var split = Eval.CvmSplitOrtModel.SplitFiles(manifestPath);
        if (split is null)
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(manifestPath));
            var model = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(manifestPath))!, doc.RootElement.GetProperty("model").GetString()!);
            return Format(Run(model, threads, runs, spin));
        }
        var features = Run(split.Value.Features, threads, runs, spin);
        var multiView = Run(split.Value.MultiView, threads, runs, spin);
        var parts = features.PartMsPerRun.Concat(multiView.PartMsPerRun).GroupBy(kv => kv.Key).ToDictionary(g => g.Key, g => g.Sum(kv => kv.Value));
        return Format(features) + Environment.NewLine + Format(multiView) + Environment.NewLine
            + string.Create(CultureInfo.InvariantCulture, $"new frame (features + multi-view, sources cached): median {features.MedianMs + multiView.MedianMs:F1} ms, mean {features.MeanMs + multiView.MeanMs:F1} ms; per part (profiler, ms/frame): ")
            + string.Join(", ", parts.OrderByDescending(kv => kv.Value).Select(kv => string.Create(CultureInfo.InvariantCulture, $"{kv.Key} {kv.Value:F1}")))
            + "; load average " + (File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a");
    }

    /// <summary>One line per figure, for the console.</summary>
    public static string Format(OrtBenchResult r) =>
        string.Create(CultureInfo.InvariantCulture, $"{r.Model}: {r.Threads} threads{(r.Spin ? "" : " (no spinning)")}, {r.Runs} runs: mean {r.MeanMs:F1} ms, median {r.MedianMs:F1} ms, p90 {r.P90Ms:F1} ms; per part (profiler, ms/run): ")
        + string.Join(", ", r.PartMsPerRun.OrderByDescending(kv => kv.Value).Select(kv => string.Create(CultureInfo.InvariantCulture, $"{kv.Key} {kv.Value:F1}")));
}
