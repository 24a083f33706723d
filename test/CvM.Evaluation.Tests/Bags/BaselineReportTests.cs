using CvM.Synthetic;
using System.Text.Json;
using CvM.Evaluation.Bags;
using CvM.Evaluation.Driver;
using CvM.Evaluation.Reports;
using CvM.Geometry;
using CvM.TestSupport;

namespace CvM.Evaluation.Tests.Bags;

/// <summary>The baseline report over the real 7-Scenes bag (skips without ../shared/data).</summary>
public class BaselineReportTests
{
    private const string BagRelative = "rosbags/redkitchen_seq50_stride2";

    [SkippableFact]
    public void Run_RealRedkitchenBag_WritesReportWithBaselineNumbers()
    {
        string bag = Path.Combine(RepoPaths.RequireSharedData(), BagRelative);
        string outDir = Path.Combine(Path.GetTempPath(), "cvm-baseline-" + Guid.NewGuid().ToString("N"));
        var keep = Environment.GetEnvironmentVariable("CVM_EVAL_OUT");
        if (!string.IsNullOrEmpty(keep)) outDir = keep;
        var log = new StringWriter();
        try
        {
            var report = BaselineReport.Run(bag, outDir, new ConsoleProgressBar(log, interactive: false));
            Assert.Equal(25, report.FrameCount);
            Assert.Equal(25, report.FramesWithPose);
            var constant = report.Sources[0];
            var previous = report.Sources[1];
            Assert.Equal(DepthSourceKind.Baseline, constant.Kind);
            Assert.Equal(0, constant.SkippedFrames);
            Assert.Equal(1, previous.SkippedFrames);
            // A constant cannot be good on a kitchen scene, and copying the previous frame (6.7 ms of motion per
            // frame pair at stride 2) must be much better than a constant: sanity bounds, not tuned values.
            Assert.InRange(constant.MeanOfFrames.AbsRel, 0.05, 1.0);
            Assert.InRange(previous.MeanOfFrames.AbsRel, 0.0, constant.MeanOfFrames.AbsRel / 2);
            Assert.True(previous.MeanOfFrames.Delta1 > constant.MeanOfFrames.Delta1);
            // Ground truth reprojected with the real poses agrees with the neighbour's (README: median |dz| 10 mm).
            Assert.InRange(report.GroundTruthConsistency.MeanAbsRel, 0.0, 0.05);
            Assert.True(report.GroundTruthConsistency.CoVisibleFraction > 0.8);
            foreach (var f in new[] { "report.json", "report.md", "per_frame_error.png", "error_vs_depth.png", "bag_frames.txt" })
                Assert.True(File.Exists(Path.Combine(outDir, f)), f);
            using var doc = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(outDir, "report.json")));
            Assert.Equal(constant.Pooled.AbsRel,
                doc.RootElement.GetProperty("sources")[0].GetProperty("pooledPixels").GetProperty("absRel").GetDouble(), 12);
            Assert.Contains("25/25", log.ToString());
        }
        finally
        {
            if (string.IsNullOrEmpty(keep) && Directory.Exists(outDir)) Directory.Delete(outDir, recursive: true);
        }
    }

    [SkippableFact]
    public void BagFrameSource_RealBag_PairsEveryImageAndConvertsMillimetres()
    {
        string bag = Path.Combine(RepoPaths.RequireSharedData(), BagRelative);
        var source = new BagFrameSource(bag);
        Assert.Equal(25, source.FrameCount);
        var first = source.ReadFrames().First();
        Assert.Equal(640, first.K.Width);
        Assert.Equal(585.0, first.K.Fx);
        Assert.Equal(320.0, first.K.Cx);
        // Frame 150 of 7-Scenes: depth PNG values in mm; compare with the source PNG (PngReader; the bag path decodes no PNG).
        string png = Path.Combine(RepoPaths.SharedData!, "7scenes_redkitchen_seq50", "rgbd-frames", "frame-000150.depth.png");
        var depthPng = PngReader.Read(png);
        Assert.Equal((640, 480, 16), (depthPng.Width, depthPng.Height, depthPng.BitDepth));
        var mm = depthPng.Samples16;
        var gt = first.GroundTruthDepthM.Span;
        for (int i = 0; i < mm.Length; i += 997) Assert.Equal(mm[i] / 1000f, gt[i]);
        var stats = source.Stats;
        Assert.Equal((25, 25, 0, 0), (stats.RgbImages, stats.DepthImages, stats.UnpairedRgb, stats.UnpairedDepth));
    }

    [SkippableFact]
    public void BagFrameSource_RealBag_PosesEqualSevenScenesPoseFiles()
    {
        string bag = Path.Combine(RepoPaths.RequireSharedData(), BagRelative);
        int checkedFrames = 0;
        foreach (var frame in new BagFrameSource(bag).ReadFrames().Where(f => f.Index % 6 == 0))
        {
            // Bag frame i is 7-Scenes frame 150 + 2 i; pose.txt is the 4x4 camera-to-world matrix, row-major.
            string txt = Path.Combine(RepoPaths.SharedData!, "7scenes_redkitchen_seq50", "rgbd-frames", $"frame-{150 + 2 * frame.Index:D6}.pose.txt");
            var m = File.ReadAllText(txt).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
                .Select(t => double.Parse(t, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            var pose = Assert.NotNull(frame.T_world_cam);
            foreach (var p in new[] { new Vector3d(0, 0, 1), new Vector3d(0.5, -0.3, 2.0) })
            {
                var a = pose.TransformPoint(p);
                var e = new Vector3d(
                    m[0] * p.X + m[1] * p.Y + m[2] * p.Z + m[3],
                    m[4] * p.X + m[5] * p.Y + m[6] * p.Z + m[7],
                    m[8] * p.X + m[9] * p.Y + m[10] * p.Z + m[11]);
                // 1 mm: the pose files' rotations are not exactly orthonormal; the bag stores unit quaternions.
                Assert.InRange(Math.Abs(e.X - a.X) + Math.Abs(e.Y - a.Y) + Math.Abs(e.Z - a.Z), 0, 1e-3);
            }
            checkedFrames++;
        }
        Assert.Equal(5, checkedFrames);
    }
}
