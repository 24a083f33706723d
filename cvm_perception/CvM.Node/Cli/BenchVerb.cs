using System.Globalization;
using System.Text.Json;
using CvM.Inference;
using CvM.Inference.Benchmarking;
using CvM.Node.Parameters;
using CvM.Pipeline;

namespace CvM.Node.Cli;

/// <summary>
/// The <c>bench</c> verb: the model's ONNX Runtime latency on this machine, on the provider the node would use
/// (<c>device</c>, <c>threads</c>, <c>spin_wait</c> and <c>model_path</c> from the node's parameters), the time per
/// part from ONNX Runtime's profiler and which nodes ran off the chosen provider (on CUDA: the CPU fallbacks).
/// </summary>
public static class BenchVerb
{
    /// <summary>Options of <c>bench</c> that take a value.</summary>
    public static readonly string[] Valued = ["runs", "warmup", "out"];

    /// <summary>Flag options of <c>bench</c> (none).</summary>
    public static readonly string[] Flags = [];

    /// <summary><c>bench --help</c>.</summary>
    public const string Help = """
        usage: cvm_perception bench [--runs N] [--warmup N] [--out FILE.json] [--ros-args -p device:=cuda ...]
          Measures the model named by model_path (default models/cvm_96x128.onnx, manifest beside it) with ONNX
          Runtime on the provider the node would choose (device auto|cuda|cpu, threads, spin_wait as for `node`),
          with random images/features and a valid camera geometry. For each graph (a split model: the feature
          graph and the multi-view graph; else the whole graph): N timed runs (default 100) after the warm-up
          (default 10), median / p90 / mean / min wall time with inputs and outputs in host memory as in the node,
          the time per part from ONNX Runtime's profiler, node counts per provider, and every node that ran off the
          chosen provider (on CUDA: the nodes that fell back to the CPU). A split model also gets the time of a new
          frame in the node's steady state: features of the new frame + the multi-view graph (sources cached).
          --out writes the same as JSON.
        """;

    /// <summary>Runs <c>bench</c>; returns the exit code.</summary>
    public static int Run(VerbOptions o, NodeSetup setup, TextWriter console)
    {
        if (o.Positionals.Count > 0) throw new UsageException("bench takes no positional arguments");
        int runs = o.GetInt("runs", 100, 1, 100_000), warmup = o.GetInt("warmup", 10, 0, 10_000);
        var options = PipelineOptionsFactory.Create(setup.Parameters, PipelineMode.Replay);
        var manifestPath = options.ManifestPath;
        var manifest = ModelManifestLoader.Load(manifestPath);
        var graphs = manifest.Split is null
            ? [ModelManifestLoader.ModelPath(manifestPath, manifest.Model)]
            : new[] { ModelManifestLoader.ModelPath(manifestPath, manifest.Split.Features.Model), ModelManifestLoader.ModelPath(manifestPath, manifest.Split.MultiView.Model) };
        console.WriteLine($"model {manifestPath} ({manifest.InputWidth}x{manifest.InputHeight}, {manifest.Planes} planes), device {setup.Parameters.Device}, " +
            $"{options.Inference.IntraOpThreads} threads{(options.Inference.SpinWait ? " (spinning)" : "")}, {warmup} warm-up + {runs} timed runs; {Environment.ProcessorCount} cores");
        var results = new List<GraphBenchResult>();
        foreach (var g in graphs)
        {
            var r = GraphBenchmark.Run(g, options.Inference, runs, warmup);
            results.Add(r);
            console.WriteLine(Format(r));
        }
        double? newFrameMs = results.Count == 2 ? results[0].MedianMs + results[1].MedianMs : null;
        if (newFrameMs is not null)
            console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"new frame (features + multi-view, sources cached): median {newFrameMs:F2} ms"));
        console.WriteLine("load average " + LoadAverage());
        var outPath = o.Get("out");
        if (outPath is not null)
        {
            var dir = Path.GetDirectoryName(Path.GetFullPath(outPath));
            if (dir is not null) Directory.CreateDirectory(dir);
            File.WriteAllText(outPath, JsonSerializer.Serialize(new
            {
                manifest = manifestPath,
                device = setup.Parameters.Device,
                threads = options.Inference.IntraOpThreads,
                spinWait = options.Inference.SpinWait,
                cores = Environment.ProcessorCount,
                runs,
                warmup,
                graphs = results.Select(r => new
                {
                    graph = r.Graph,
                    provider = r.Selection.Provider.ToString(),
                    fallbackReason = r.Selection.FallbackReason,
                    r.MedianMs,
                    r.P90Ms,
                    r.MeanMs,
                    r.MinMs,
                    partMsPerRun = r.PartMsPerRun,
                    nodesPerProvider = r.Placement.NodesPerProvider,
                    offProviderNodes = r.Placement.OffProviderNodes,
                }),
                newFrameMedianMs = newFrameMs,
                loadAverage = LoadAverage(),
            }, new JsonSerializerOptions { WriteIndented = true }));
            console.WriteLine($"wrote {outPath}");
        }
        return 0;
    }

    /// <summary>The console lines of one graph's result.</summary>
    public static string Format(GraphBenchResult r)
    {
        var nl = Environment.NewLine;
        var s = string.Create(CultureInfo.InvariantCulture,
            $"{r.Graph} on {r.Selection}: median {r.MedianMs:F2} ms, p90 {r.P90Ms:F2} ms, mean {r.MeanMs:F2} ms, min {r.MinMs:F2} ms");
        s += nl + "  per part (profiler, ms/run): " + string.Join(", ", r.PartMsPerRun.OrderByDescending(kv => kv.Value)
            .Select(kv => string.Create(CultureInfo.InvariantCulture, $"{kv.Key} {kv.Value:F2}")));
        s += nl + "  nodes per provider: " + string.Join(", ", r.Placement.NodesPerProvider.OrderByDescending(kv => kv.Value).Select(kv => $"{kv.Key} {kv.Value}"));
        s += nl + $"  nodes off {GraphBenchmark.OrtName(r.Selection.Provider)}: " + (r.Placement.OffProviderNodes.Count == 0 ? "none" : string.Join(", ", r.Placement.OffProviderNodes));
        return s;
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a";
}
