using System.Globalization;
using System.Text.Json;
using CvM.Inference;
using CvM.Inference.Benchmarking;

namespace CvM.Training.Export;

/// <summary>Latency of one ONNX model on ONNX Runtime's CPU provider, and time per part from ORT's profiler.</summary>
public sealed record OrtBenchResult(string Model, int Threads, int Runs, double MeanMs, double MedianMs, double P90Ms, Dictionary<string, double> PartMsPerRun)
{
    /// <summary>False when ONNX Runtime's workers slept between kernels (the node's default) instead of spinning.</summary>
    public bool Spin { get; init; } = true;
}

/// <summary>
/// Runs a model exported by <see cref="CvmOnnxExporter"/> on ONNX Runtime's CPU provider through
/// <see cref="GraphBenchmark"/> (the benchmark behind <c>cvm_perception bench</c>): random inputs with a valid
/// geometry, a warm-up, <c>runs</c> timed runs, then a profiled session whose node times are grouped by name prefix
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
        var options = new InferenceOptions { Device = InferenceDevice.Cpu, IntraOpThreads = threads, InterOpThreads = 1, SpinWait = spin };
        var r = GraphBenchmark.Run(modelPath, options, runs, warmup: 3);
        return new OrtBenchResult(r.Graph, threads, runs, r.MeanMs, r.MedianMs, r.P90Ms, new Dictionary<string, double>(r.PartMsPerRun)) { Spin = spin };
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
