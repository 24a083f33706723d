using System.Globalization;
using System.Text;
using CvM.Evaluation.Bags;
using CvM.Evaluation.Driver;
using CvM.Evaluation.Reports;
using CvM.Node.Conversion;
using CvM.Node.Demo;
using CvM.Node.Evaluation;
using CvM.Node.Parameters;
using CvM.Node.Replay;
using CvM.Pipeline;

namespace CvM.Node.Cli;

/// <summary>The <c>replay</c> and <c>eval</c> verbs: a bag through the replay-mode pipeline into an output bag, previews and a report.</summary>
public static class ReplayVerb
{
    /// <summary>Options of <c>replay</c> that take a value.</summary>
    public static readonly string[] Valued = ["out", "previews-every", "image-topic", "camera-info-topic", "odom-topic", "depth-topic", "depth-info-topic", "frames"];

    /// <summary>Flag options of <c>replay</c>.</summary>
    public static readonly string[] Flags = ["no-report"];

    /// <summary><c>replay --help</c>.</summary>
    public const string Help = """
        usage: cvm_perception replay [BAG] [--out DIR] [--frames N] [--previews-every N] [--no-report]
                                     [--image-topic T] [--camera-info-topic T] [--odom-topic T]
                                     [--depth-topic T] [--depth-info-topic T] [--ros-args ...]
          Runs a rosbag2 bag (MCAP or sqlite3) through the pipeline in replay mode (bounded channels that wait: no
          frame dropped for lack of room) and writes into DIR (default out/replay, or out/demo without BAG):
            output_bag/   every output topic (~/depth, ~/depth/camera_info, ~/semantics, ~/semantics/color,
                          ~/normals, ~/normals/color), stamped with the input images' headers (MCAP)
            previews/     PNG previews (depth | semantics | normals) of every N-th frame (default 5)
            frames.csv    per frame: stamp, mode (multiview/duplicate), reason, source stamps and distances, times
            report/       depth metrics against the bag's depth topic, multi-view against duplicated (unless --no-report)
          Without BAG it first writes the embedded default: a deterministic synthetic robot sequence (--frames,
          default 30, rendered with CvM.Synthetic) as DIR/input_bag, then replays it.
          Topics default to /camera/color/image_raw, /camera/color/camera_info, /odom, /tf, /tf_static and, for the
          report, /camera/depth/image_raw and /camera/depth/camera_info. Node parameters (model_path, device,
          keyframes.*, outputs.* ...) come from --ros-args (-p, --params-file) as for `node`.
        """;

    /// <summary>Runs <c>replay</c>; returns the exit code.</summary>
    public static async Task<int> RunAsync(VerbOptions o, NodeSetup setup, TextWriter console)
    {
        if (o.Positionals.Count > 1) throw new UsageException("replay takes at most one bag");
        var demo = o.Positionals.Count == 0;
        var outDir = Path.GetFullPath(o.Get("out") ?? (demo ? Path.Combine("out", "demo") : Path.Combine("out", "replay")));
        Directory.CreateDirectory(outDir);
        string bag;
        if (demo)
        {
            bag = Path.Combine(outDir, "input_bag");
            ResetFolder(bag);
            var frames = o.GetInt("frames", 30, 3, 10_000);
            console.WriteLine($"writing the embedded default sequence ({frames} synthetic frames) to {bag}");
            DemoBag.Write(bag, new DemoBag.Options(Frames: frames));
        }
        else
        {
            bag = o.Positionals[0];
        }
        var topics = new ReplayTopics(o.Get("image-topic") ?? DemoBag.ImageTopic, o.Get("camera-info-topic") ?? DemoBag.CameraInfoTopic, o.Get("odom-topic") ?? DemoBag.OdomTopic);
        var p = setup.Parameters;
        var options = PipelineOptionsFactory.Create(p, PipelineMode.Replay);
        var outBag = Path.Combine(outDir, "output_bag");
        ResetFolder(outBag);
        var previews = Path.Combine(outDir, "previews");
        ResetFolder(previews);
        var snapshot = await ReplayAsync(bag, topics, options, outBag, previews, o.GetInt("previews-every", 5, 1, 100_000), setup, outDir, console).ConfigureAwait(false);
        if (!o.Has("no-report"))
        {
            var reportDir = Path.Combine(outDir, "report");
            ResetFolder(reportDir);
            Report(bag, topics, options, o.Get("depth-topic") ?? DemoBag.DepthTopic, o.Get("depth-info-topic") ?? DemoBag.DepthInfoTopic, reportDir, console);
        }
        console.WriteLine($"done: outputs in {outDir}");
        return snapshot.FramesOutput > 0 ? 0 : 1;
    }

    /// <summary>The bag through the pipeline into the output bag and previews; prints and returns the diagnostics.</summary>
    public static async Task<CvM.Pipeline.Diagnostics.DiagnosticsSnapshot> ReplayAsync(string bag, ReplayTopics topics, PipelineOptions options,
        string outBag, string previews, int previewEvery, NodeSetup setup, string outDir, TextWriter console)
    {
        var p = setup.Parameters;
        using var sink = new BagOutputSink(outBag, setup.Names.NodeName, setup.Names.Namespace, t => OutputTopics.Enabled(t, p), previews, previewEvery);
        await using var pipeline = new PerceptionPipeline(options, sink);
        pipeline.Configure();
        console.WriteLine($"model {options.ManifestPath}; execution provider {pipeline.Provider}");
        pipeline.Activate();
        var images = await BagInputFeeder.FeedAsync(bag, topics, pipeline).ConfigureAwait(false);
        await pipeline.DeactivateAsync().ConfigureAwait(false);
        var s = pipeline.Snapshot();
        WriteFrameLog(Path.Combine(outDir, "frames.csv"), sink.Log);
        console.WriteLine($"replayed {images} images of {bag}: {s.FramesOutput} outputs ({s.MultiviewFrames} multi-view, {s.TotalDuplicated} duplicated), {s.TotalDrops} dropped");
        foreach (var (cause, n) in s.Drops.Where(d => d.Value > 0)) console.WriteLine($"  dropped {cause}: {n}");
        foreach (var (reason, n) in s.DuplicatedFrames.Where(d => d.Value > 0)) console.WriteLine($"  duplicated {reason}: {n}");
        var inf = s.Latency(CvM.Pipeline.Diagnostics.PipelineStage.Inference);
        var pre = s.Latency(CvM.Pipeline.Diagnostics.PipelineStage.Preprocess);
        var post = s.Latency(CvM.Pipeline.Diagnostics.PipelineStage.Postprocess);
        console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  per frame: ONNX Runtime p50 {inf.P50Ms:F1} ms, pre-processing p50 {pre.P50Ms:F2} ms, post-processing p50 {post.P50Ms:F2} ms"));
        console.WriteLine($"output bag: {outBag} ({string.Join(", ", sink.TopicNames)})");
        console.WriteLine($"previews:   {previews} ({sink.Previews.Count} PNG)");
        return s;
    }

    /// <summary>Depth metrics of the pipeline against the bag's depth: multi-view against every frame duplicated.</summary>
    public static EvaluationReport Report(string bag, ReplayTopics topics, PipelineOptions options, string depthTopic, string depthInfoTopic,
        string reportDir, TextWriter console)
    {
        var frames = new BagFrameSource(bag, new BagFrameSourceOptions(topics.Image, depthTopic, depthInfoTopic, topics.Odometry));
        using var multi = new PipelineDepthSource("cvm-multiview", options, withPoses: true);
        using var dup = new PipelineDepthSource("cvm-duplicated", options, withPoses: false);
        var report = DepthEvaluationRunner.Run(frames, [multi, dup], EvaluationOptions.Indoor, new ConsoleProgressBar(console, false, "eval"));
        ReportWriter.WriteAll(report, reportDir);
        foreach (var s in report.Sources)
            console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {s.Name,-16} AbsRel {s.MeanOfFrames.AbsRel:F3}  RMSE {s.MeanOfFrames.Rmse:F3} m  delta<1.25 {s.MeanOfFrames.Delta1:F3}  ({s.Frames.Count - s.SkippedFrames} frames)"));
        console.WriteLine($"report:     {reportDir}");
        return report;
    }

    private static void WriteFrameLog(string path, IReadOnlyList<FrameLogEntry> log)
    {
        var sb = new StringBuilder("stamp_ns,mode,reason,source1_stamp_ns,source2_stamp_ns,source1_distance_m,source2_distance_m,run_ms,pipeline_ms\n");
        foreach (var e in log)
            sb.Append(CultureInfo.InvariantCulture, $"{e.StampNs},{e.Mode},{e.Reason},{e.Source1StampNs},{e.Source2StampNs},{e.Source1DistanceM:F4},{e.Source2DistanceM:F4},{e.RunMs:F2},{e.PipelineMs:F3}\n");
        File.WriteAllText(path, sb.ToString());
    }

    /// <summary>Empties (or creates) a folder this tool writes.</summary>
    private static void ResetFolder(string dir)
    {
        if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        if (Path.GetDirectoryName(dir) is { } parent) Directory.CreateDirectory(parent);
    }
}
