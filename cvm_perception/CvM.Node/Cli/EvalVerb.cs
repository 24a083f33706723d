using CvM.Evaluation;
using CvM.Node.Demo;
using CvM.Node.Parameters;
using CvM.Node.Replay;
using CvM.Pipeline;

namespace CvM.Node.Cli;

/// <summary>The <c>eval</c> verb: depth metrics of a bag, multi-view against duplicated, or the baseline report.</summary>
public static class EvalVerb
{
    /// <summary>Options that take a value.</summary>
    public static readonly string[] Valued = ["out", "image-topic", "camera-info-topic", "odom-topic", "depth-topic", "depth-info-topic"];

    /// <summary>Flags.</summary>
    public static readonly string[] Flags = ["baseline"];

    /// <summary><c>eval --help</c>.</summary>
    public const string Help = """
        usage: cvm_perception eval BAG [--out DIR] [--baseline] [--image-topic T] [--odom-topic T]
                                   [--depth-topic T] [--depth-info-topic T] [--ros-args ...]
          Evaluates depth on a bag with ground-truth depth (16UC1 mm or 32FC1 m): the pipeline run with poses
          (two nearest keyframes) and with every frame duplicated, against the bag's depth. Writes report.json,
          report.md, plots and previews into DIR (default out/eval). --baseline writes the baseline report of
          the bag instead (the floor to beat: constant first-frame median, previous frame's ground truth).
          Topics default to /camera/color/image_raw, /odom, /camera/depth/image_raw, /camera/depth/camera_info.
        """;

    /// <summary>Runs <c>eval</c>; returns the exit code.</summary>
    public static int Run(VerbOptions o, NodeSetup setup, TextWriter console)
    {
        if (o.Positionals.Count != 1) throw new UsageException("eval needs exactly one bag");
        var bag = o.Positionals[0];
        var outDir = Path.GetFullPath(o.Get("out") ?? Path.Combine("out", "eval"));
        var depthTopic = o.Get("depth-topic") ?? DemoBag.DepthTopic;
        var depthInfo = o.Get("depth-info-topic") ?? DemoBag.DepthInfoTopic;
        var topics = new ReplayTopics(o.Get("image-topic") ?? DemoBag.ImageTopic, o.Get("camera-info-topic") ?? DemoBag.CameraInfoTopic, o.Get("odom-topic") ?? DemoBag.OdomTopic);
        if (o.Has("baseline"))
        {
            var report = BaselineReport.Run(bag, outDir, new CvM.Evaluation.Reports.ConsoleProgressBar(console, false, "baseline"), null,
                new CvM.Evaluation.Bags.BagFrameSourceOptions(topics.Image, depthTopic, depthInfo, topics.Odometry));
            foreach (var s in report.Sources)
                console.WriteLine(FormattableString.Invariant($"  {s.Name,-28} AbsRel {s.MeanOfFrames.AbsRel:F3}  RMSE {s.MeanOfFrames.Rmse:F3} m  delta<1.25 {s.MeanOfFrames.Delta1:F3}"));
            console.WriteLine($"report: {outDir}");
            return 0;
        }
        var options = PipelineOptionsFactory.Create(setup.Parameters, PipelineMode.Replay);
        ReplayVerb.Report(bag, topics, options, depthTopic, depthInfo, outDir, console);
        return 0;
    }
}
