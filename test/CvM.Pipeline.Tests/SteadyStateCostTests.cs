using System.Diagnostics;
using CvM.Geometry;
using CvM.Pipeline.Diagnostics;
using CvM.Pipeline.Frames;
using CvM.Synthetic;
using Xunit.Abstractions;

namespace CvM.Pipeline.Tests;

[Collection(nameof(CostCollection))]
public sealed class SteadyStateCostTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Replay_640x480SteadyState_NoImageSizedAllocationPerFrame()
    {
        const int warmup = 30, measured = 30;
        var K = Intrinsics.FromHorizontalFov(60 * Math.PI / 180, 640, 480);
        var scene = SceneGenerator.Create(3);
        var path = CameraPath.Robot(scene, 3, 1);
        var fb = new FrameBuffers(640, 480);
        scene.Render(path.PoseAt(0), K, fb, maxDegreeOfParallelism: 2);
        var sink = new CountingSink();
        var p = new PerceptionPipeline(TestModel.Options(PipelineMode.Replay), sink);
        p.Configure();
        p.Activate();
        long allocatedBefore = 0, rentBytes = 0;
        var t0 = 0L;
        for (var i = 0; i < warmup + measured; i++)
        {
            if (i == warmup)
            {
                while (sink.Count < warmup) await Task.Delay(5);
                p.Diagnostics.Latency(PipelineStage.Pairing).Reset();
                foreach (var s in Enum.GetValues<PipelineStage>()) p.Diagnostics.Latency(s).Reset();
                allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);

                t0 = Stopwatch.GetTimestamp();
            }
            var stamp = 1_000_000_000L + i * 33_333_333L;
            var T = new Pose3(path.PoseAt(0).Rotation, path.PoseAt(0).Translation + new Vector3d(0.04 * i, 0, 0));
            await p.PostEventAsync(InputEvent.CameraInfo(stamp, "cam", 640, 480, [K.Fx, 0, K.Cx, 0, K.Fy, K.Cy, 0, 0, 1]));
            await p.PostEventAsync(InputEvent.Odometry(stamp, "odom", "base", T));
            var a0 = GC.GetAllocatedBytesForCurrentThread();
            var lease = PooledArray<byte>.CopyOf(fb.RgbHW3);
            if (i >= warmup) rentBytes += GC.GetAllocatedBytesForCurrentThread() - a0;
            await p.PostImageAsync(new ImageFrame(FrameHeader.FromNs(stamp, "cam"), 640, 480, 640 * 3, "rgb8", false,
                lease, Stopwatch.GetTimestamp()));
        }
        await p.DeactivateAsync();
        var seconds = Stopwatch.GetElapsedTime(t0).TotalSeconds;

        var bytesPerFrame = (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / (double)measured;
        var d = p.Diagnostics;
        double Mean(PipelineStage s) => d.Latency(s).MeanMs;
        var outsideOrt = Mean(PipelineStage.Pairing) + Mean(PipelineStage.ViewSelection) + Mean(PipelineStage.Preprocess)
            + Mean(PipelineStage.Postprocess) + Mean(PipelineStage.Output);
        output.WriteLine($"pixel lease allocations {rentBytes / measured} B/frame");
        output.WriteLine(FormattableString.Invariant(
            $"640x480, {measured} frames, {measured / seconds:F1} fps: allocated {bytesPerFrame:F0} B/frame (whole process, ORT included); per frame mean ms: pairing {Mean(PipelineStage.Pairing):F3}, selection {Mean(PipelineStage.ViewSelection):F3}, pre {Mean(PipelineStage.Preprocess):F3}, ORT {Mean(PipelineStage.Inference):F1}, post {Mean(PipelineStage.Postprocess):F3}, output {Mean(PipelineStage.Output):F3}; outside ORT {outsideOrt:F3}"));
        Assert.Equal(warmup + measured, sink.Count);
        // Far below one image (921,600 B) or one result (7 MB) per frame; what remains is first use of pool slots.
        Assert.True(bytesPerFrame < 64 * 1024, $"{bytesPerFrame:F0} bytes allocated per frame");
        await p.DisposeAsync();
    }

    private sealed class CountingSink : IPerceptionSink
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public void Write(PerceptionResult result) => Interlocked.Increment(ref _count);
    }
}
