using CvM.Training.Export;
using CvM.Training.Train;
using TorchSharp;

namespace CvM.Training;

/// <summary>
/// Training tool: verbs <c>train</c>, <c>export</c>, <c>bench</c> and <c>eval</c> (options in <see cref="Usage"/>).
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length == 0) return Usage();
        var opts = ParseOptions(args.Skip(1));
        try
        {
            switch (args[0])
            {
                case "train":
                {
                    var cfg = TrainConfig.Load(Require(opts, "config"));
                    int? until = opts.TryGetValue("until", out var u) ? int.Parse(u) : null;
                    var log = new Trainer(cfg, Require(opts, "run"), Console.Error).Run(until);
                    Console.WriteLine($"trained {log.Count} steps in this call; last loss {(log.Count > 0 ? log[^1].Total : double.NaN):F4}");
                    return 0;
                }
                case "export":
                {
                    torch.set_num_threads(2);
                    // --height/--width: export at another input size (the network is fully convolutional and its weights do
                    // not depend on the size; the manifest records the size exported).
                    int? height = opts.TryGetValue("height", out var hs) ? int.Parse(hs) : null, width = opts.TryGetValue("width", out var ws) ? int.Parse(ws) : null;
                    var (net, info) = Checkpoint.LoadNet(Require(opts, "checkpoint"), height, width);
                    var outPath = Require(opts, "out");
                    var metrics = opts.TryGetValue("metrics", out var m)
                        ? System.Text.Json.JsonSerializer.Deserialize<EvalMetrics[]>(File.ReadAllText(m), TrainConfig.Json) ?? []
                        : [];
                    // --split: the keyframe-cache pair (multi-view graph at --out, <stem>.features.onnx) and one manifest
                    // with its split section; otherwise the whole graph and its manifest.
                    var split = opts.ContainsKey("split");
                    var manifest = split
                        ? ManifestWriter.WriteSplit(outPath, CvmOnnxExporter.ExportFeatures(net), CvmOnnxExporter.ExportMultiView(net), net, info, metrics)
                        : ManifestWriter.Write(outPath, CvmOnnxExporter.ExportFull(net), net, info, metrics);
                    if (split) Console.WriteLine($"wrote {ManifestWriter.FeaturesPath(outPath)} ({new FileInfo(ManifestWriter.FeaturesPath(outPath)).Length / 1e6:F1} MB)");
                    Console.WriteLine($"wrote {outPath} ({new FileInfo(outPath).Length / 1e6:F1} MB) and {manifest}");
                    return 0;
                }
                case "bench":
                {
                    // Benchmark an exported model; with --checkpoint or --random, export it first (to --out); with --manifest,
                    // the graphs a manifest names (a split manifest: features, multi-view and their sum per new frame).
                    if (opts.TryGetValue("manifest", out var benchManifest))
                    {
                        Console.WriteLine(OrtBenchmark.RunManifest(benchManifest, int.Parse(opts.GetValueOrDefault("threads", "2")), int.Parse(opts.GetValueOrDefault("runs", "30")), spin: !opts.ContainsKey("no-spin")));
                        return 0;
                    }
                    var model = opts.GetValueOrDefault("model") ?? Require(opts, "out");
                    if (opts.TryGetValue("checkpoint", out var ck) || opts.ContainsKey("random"))
                    {
                        torch.set_num_threads(2);
                        var net = ck is not null ? Checkpoint.LoadNet(ck).Net : new Nn.CvmNet(new Nn.CvmNetOptions
                        {
                            ImageHeight = int.Parse(opts.GetValueOrDefault("height", "128")),
                            ImageWidth = int.Parse(opts.GetValueOrDefault("width", "160")),
                            Planes = int.Parse(opts.GetValueOrDefault("planes", "32")),
                            Channels = int.Parse(opts.GetValueOrDefault("channels", "64")),
                            FusionChannels = int.Parse(opts.GetValueOrDefault("fusion", "128")),
                            DecoderChannels = int.Parse(opts.GetValueOrDefault("decoder", "64")),
                            FineChannels = int.Parse(opts.GetValueOrDefault("fine", "0")),
                        });
                        File.WriteAllBytes(model, CvmOnnxExporter.ExportFull(net));
                        if (opts.ContainsKey("split"))
                        {
                            File.WriteAllBytes(Path.ChangeExtension(model, ".features.onnx"), CvmOnnxExporter.ExportFeatures(net));
                            File.WriteAllBytes(Path.ChangeExtension(model, ".multiview.onnx"), CvmOnnxExporter.ExportMultiView(net));
                        }
                    }
                    int threads = int.Parse(opts.GetValueOrDefault("threads", "2")), runs = int.Parse(opts.GetValueOrDefault("runs", "30"));
                    var spin = !opts.ContainsKey("no-spin");
                    Console.WriteLine(OrtBenchmark.Format(OrtBenchmark.Run(model, threads, runs, spin)));
                    if (opts.ContainsKey("split"))
                    {
                        Console.WriteLine(OrtBenchmark.Format(OrtBenchmark.Run(Path.ChangeExtension(model, ".features.onnx"), threads, runs, spin)));
                        Console.WriteLine(OrtBenchmark.Format(OrtBenchmark.Run(Path.ChangeExtension(model, ".multiview.onnx"), threads, runs, spin)));
                    }
                    return 0;
                }
                case "eval":
                {
                    var manifestPath = Require(opts, "manifest");
                    using var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllText(manifestPath));
                    float dmin = doc.RootElement.GetProperty("depthMin").GetSingle(), dmax = doc.RootElement.GetProperty("depthMax").GetSingle();
                    // --model: a whole graph; without it, what the manifest names (a split manifest runs as the node runs it).
                    var evalThreads = int.Parse(opts.GetValueOrDefault("threads", "2"));
                    var splitFiles = opts.ContainsKey("model") ? null : Eval.CvmSplitOrtModel.SplitFiles(manifestPath);
                    using var model = splitFiles is not null
                        ? (Eval.IEvalModel)new Eval.CvmSplitOrtModel(manifestPath, dmin, dmax, evalThreads)
                        : new Eval.CvmOrtModel(opts.GetValueOrDefault("model")
                            ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(manifestPath))!, doc.RootElement.GetProperty("model").GetString()!), dmin, dmax, evalThreads);
                    var eo = new Eval.EvalOptions
                    {
                        SyntheticScenes = int.Parse(opts.GetValueOrDefault("synthetic-scenes", "40")),
                        DataSeed = int.Parse(opts.GetValueOrDefault("data-seed", "1000")),
                        SevenScenes = opts.GetValueOrDefault("sevenscenes"),
                        MinBaselineM = double.Parse(opts.GetValueOrDefault("min-baseline", "0.05"), System.Globalization.CultureInfo.InvariantCulture),
                        SceneScaleMax = double.Parse(opts.GetValueOrDefault("scene-scale-max", "1"), System.Globalization.CultureInfo.InvariantCulture),
                    };
                    if (opts.ContainsKey("scale-align-factor") && !opts.ContainsKey("scale-align"))
                        throw new ArgumentException("--scale-align-factor needs --scale-align");
                    if (opts.ContainsKey("scale-align") && opts.ContainsKey("write-manifest"))
                        throw new ArgumentException("--scale-align is an experiment: its figures are not the model's and are never written into the manifest");
                    var aligned = opts.ContainsKey("scale-align") ? new Eval.ScaleAlignedPredictor(model, model.Width, model.Height, int.Parse(opts.GetValueOrDefault("scale-align-factor", "2"))) : null;
                    var metrics = Eval.EvalRunner.Run(aligned ?? (Eval.ICvmPredictor)model, model.Width, model.Height, new CvM.Evaluation.Metrics.DepthRange(dmin, dmax), eo, Console.Error);
                    var json = System.Text.Json.JsonSerializer.Serialize(metrics, TrainConfig.Json);
                    if (aligned is not null) Console.Error.WriteLine($"scale alignment: applied to {aligned.Applied} of {aligned.Seen} multi-view predictions, mean |ln s| {aligned.MeanAbsLogFactor:F4}");
                    if (opts.TryGetValue("out", out var evalOut)) File.WriteAllText(evalOut, json);
                    if (opts.ContainsKey("write-manifest")) Eval.EvalRunner.WriteIntoManifest(manifestPath, metrics, eo);
                    Console.WriteLine(json);
                    return 0;
                }
                default:
                    return Usage();
            }
        }
        catch (Exception e) when (e is ArgumentException or IOException or InvalidDataException or KeyNotFoundException or FormatException)
        {
            Console.Error.WriteLine("error: " + e.Message);
            return 1;
        }
    }

    private static string Require(Dictionary<string, string> o, string key) =>
        o.TryGetValue(key, out var v) ? v : throw new ArgumentException($"missing --{key}");

    private static Dictionary<string, string> ParseOptions(IEnumerable<string> args)
    {
        var d = new Dictionary<string, string>();
        string? key = null;
        foreach (var a in args)
        {
            if (a.StartsWith("--", StringComparison.Ordinal))
            {
                if (key is not null) d[key] = "true";
                key = a[2..];
            }
            else if (key is not null)
            {
                d[key] = a;
                key = null;
            }
        }
        if (key is not null) d[key] = "true";
        return d;
    }

    private static int Usage()
    {
        Console.Error.WriteLine("usage: CvM.Training train --config <json> --run <dir> [--until <step>]");
        Console.Error.WriteLine("       CvM.Training bench (--model <onnx> | --checkpoint <weights> --out <onnx> | --random --out <onnx> [--height 128 --width 160 --planes 32 --channels 64 --fusion 128 --decoder 64 --fine 0]) [--split] [--threads 2] [--runs 30] [--no-spin]");
        Console.Error.WriteLine("       CvM.Training bench --manifest <json> [--threads 2] [--runs 30] [--no-spin]   (--no-spin: ORT workers sleep, as in the node; a split manifest: features + multi-view per new frame)");
        Console.Error.WriteLine("       CvM.Training eval [--model <whole onnx>] --manifest <json> [--synthetic-scenes 40] [--data-seed 1000] [--sevenscenes <dir>] [--min-baseline 0.05] [--scene-scale-max 1] [--out <json>] [--write-manifest] [--threads 2]");
        Console.Error.WriteLine("                         [--scale-align [--scale-align-factor 2]]   (experiment: multi-view depth rescaled by photometric consistency with the sources, matched at factor x the model size; never with --write-manifest)");
        Console.Error.WriteLine("       CvM.Training export --checkpoint <dir/step_N.weights> --out <model.onnx> [--split] [--metrics <json>] [--height H --width W]");
        return 2;
    }
}
