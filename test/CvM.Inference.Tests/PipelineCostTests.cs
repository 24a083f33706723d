using System.Diagnostics;
using CvM.Geometry;
using Xunit.Abstractions;

namespace CvM.Inference.Tests;

/// <summary>
/// Cost of the work outside ONNX Runtime at 640x480 (pre-processing into the model input, post-processing of all five
/// outputs back to 640x480) for a 160x128 model, measured as process CPU time (robust on a loaded shared machine)
/// and wall time.
/// </summary>
public sealed class PipelineCostTests(ITestOutputHelper log)
{
    private const int W = 640, H = 480, MW = 160, MH = 128, Classes = 14, Frames = 60;

    [Fact]
    public void PreAndPostprocess_640x480_CpuTimePerFrameMeasured()
    {
        using var dir = new TempDir();
        var manifest = ModelManifestLoader.Load(FixtureModel.WriteFull(dir.Path, MW, MH, Classes));
        OpenCvSharp.Cv2.SetNumThreads(new InferenceOptions().OpenCvThreads); // as CvmModel.Open does
        using var pre = new ImagePreprocessor(MW, MH, PixelNormalisation.UnitRange);
        var rng = new Random(3);
        var depth = GC.AllocateArray<float>(MW * MH, pinned: true);
        var logits = new float[Classes * MW * MH];
        var normals = new float[3 * MW * MH];
        for (var i = 0; i < depth.Length; i++) depth[i] = 0.5f + 7 * (float)rng.NextDouble();
        for (var i = 0; i < logits.Length; i++) logits[i] = (float)rng.NextDouble();
        for (var i = 0; i < normals.Length; i++) normals[i] = (float)rng.NextDouble() - 0.5f;
        using var post = new OutputPostprocessor(MW, MH, manifest, DepthResizeMode.Bilinear, depth, logits, normals);
        using var outputs = new CvmOutputs(W, H);
        var image = TestImages.Rgb(W, H, 9);
        var tensor = new float[3 * MW * MH];
        var K = new float[9];
        var invK = new float[9];
        var T = new float[16];
        var K_cam = new Intrinsics(585, 585, 320, 240, W, H);
        var pose = new Pose3(UnitQuaternion.FromAxisAngle(Vector3d.UnitY, 0.1), new Vector3d(0.1, 0, 0));
        void Frame()
        {
            Assert.Equal(FrameRejection.None, pre.ToPlanarRgb(new CameraImage(image, W, H, 3 * W, ImageEncoding.Rgb8), tensor));
            ViewGeometry.WriteScaledK(K_cam, MW, MH, K, invK);
            ViewGeometry.WriteRelativePose(Pose3.Identity, pose, T);
            post.Run(outputs, OutputKinds.All);
        }
        for (var i = 0; i < 60; i++) Frame(); // past tiered JIT recompilation
        var preWall = new double[Frames];
        var postWall = new double[Frames];
        var proc = Process.GetCurrentProcess();
        var cpu0 = proc.TotalProcessorTime;
        var alloc0 = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < Frames; i++)
        {
            var t0 = Stopwatch.GetTimestamp();
            if (pre.ToPlanarRgb(new CameraImage(image, W, H, 3 * W, ImageEncoding.Rgb8), tensor) != FrameRejection.None) throw new InvalidOperationException();
            var t1 = Stopwatch.GetTimestamp();
            post.Run(outputs, OutputKinds.All);
            preWall[i] = Stopwatch.GetElapsedTime(t0, t1).TotalMilliseconds;
            postWall[i] = Stopwatch.GetElapsedTime(t1).TotalMilliseconds;
        }
        var allocPerFrame = (GC.GetAllocatedBytesForCurrentThread() - alloc0) / (double)Frames;
        proc.Refresh();
        var cpuMsPerFrame = (proc.TotalProcessorTime - cpu0).TotalMilliseconds / Frames;
        Array.Sort(preWall);
        Array.Sort(postWall);
        log.WriteLine($"640x480 -> {MW}x{MH} -> 640x480: process CPU {cpuMsPerFrame:F2} ms/frame; wall median pre {preWall[Frames / 2]:F2} ms, post {postWall[Frames / 2]:F2} ms (min {preWall[0]:F2} / {postWall[0]:F2}); {allocPerFrame:F1} B/frame; load {File.ReadAllText("/proc/loadavg").Trim()}");
        foreach (var kinds in new[] { OutputKinds.Depth, OutputKinds.Semantics, OutputKinds.Semantics | OutputKinds.SemanticsColor, OutputKinds.Normals })
        {
            var c0 = Process.GetCurrentProcess().TotalProcessorTime;
            var w0 = Stopwatch.GetTimestamp();
            var a0 = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < Frames; i++) post.Run(outputs, kinds);
            log.WriteLine($"{kinds}: {(GC.GetAllocatedBytesForCurrentThread() - a0) / Frames} B/frame, wall {Stopwatch.GetElapsedTime(w0).TotalMilliseconds / Frames:F2} ms, cpu {(Process.GetCurrentProcess().TotalProcessorTime - c0).TotalMilliseconds / Frames:F2} ms");
        }
        Assert.Equal(0, allocPerFrame);
        // Sanity of what was measured: outputs written and colours consistent with ids.
        Assert.Equal(FixtureModel.Colour(outputs.SemanticIds[1234])[1], outputs.SemanticRgb[3 * 1234 + 1]);
    }
}
