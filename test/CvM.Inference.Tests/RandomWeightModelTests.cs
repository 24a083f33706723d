using CvM.Geometry;
using CvM.TestSupport;
using Xunit.Abstractions;

namespace CvM.Inference.Tests;

/// <summary>The real architecture (random weights, from the training tool) through <see cref="CvmModel"/> at 640x480.</summary>
public sealed class RandomWeightModelTests : IClassFixture<RandomWeightModelFixture>
{
    private const int W = 640, H = 480;
    private static readonly Intrinsics K_cam = new(585, 585, 320, 240, W, H);
    private readonly RandomWeightModelFixture _fx;
    private readonly ITestOutputHelper _log;

    public RandomWeightModelTests(RandomWeightModelFixture fx, ITestOutputHelper log) => (_fx, _log) = (fx, log);

    private CvmModel Open(bool split)
    {
        Skip.If(_fx.SkipReason is not null, _fx.SkipReason);
        return CvmModel.Open(split ? _fx.SplitManifest : _fx.FullManifest, new InferenceOptions { Device = InferenceDevice.Cpu, IntraOpThreads = 2 });
    }

    private static readonly Pose3 T_world_ref = new(UnitQuaternion.FromAxisAngle(Vector3d.UnitY, 0.05), new Vector3d(0.1, 0, 0));
    private static readonly Pose3 T_world_src1 = Pose3.Identity;
    private static readonly Pose3 T_world_src2 = new(UnitQuaternion.FromAxisAngle(Vector3d.UnitX, -0.04), new Vector3d(0.2, 0.02, -0.05));

    [SkippableTheory]
    [InlineData(false)]
    [InlineData(true)]
    public void Infer_RandomWeights640x480_FiniteOutputsOfCameraShape(bool split)
    {
        using var model = Open(split);
        using var outputs = new CvmOutputs(W, H);
        var views = Enumerable.Range(0, 3).Select(i => model.CreateViewCache()).ToArray();
        for (var i = 0; i < 3; i++)
            Assert.Equal(FrameRejection.None, model.PrepareView(new CameraImage(TestImages.Rgb(W, H, 30 + i), W, H, 3 * W, ImageEncoding.Rgb8), K_cam, views[i]));
        foreach (var duplicated in new[] { true, false })
        {
            var r = duplicated ? model.InferDuplicated(views[0], outputs) : model.Infer(views[0], T_world_ref, views[1], T_world_src1, views[2], T_world_src2, outputs);
            Assert.Equal(FrameRejection.None, r);
            Assert.Equal(W * H, outputs.DepthMeters.Length);
            // The network's depth is 1 / (softmax-weighted inverse depth of the planes): always inside the range.
            Assert.All(outputs.DepthMeters, d => Assert.InRange(d, RandomWeightModelFixture.DepthMin * 0.999f, RandomWeightModelFixture.DepthMax * 1.001f));
            Assert.All(outputs.SemanticIds, id => Assert.InRange(id, 0, RandomWeightModelFixture.Classes - 1));
            for (var i = 0; i < W * H; i++)
            {
                float x = outputs.NormalsXyz[3 * i], y = outputs.NormalsXyz[3 * i + 1], z = outputs.NormalsXyz[3 * i + 2];
                Assert.InRange(MathF.Sqrt(x * x + y * y + z * z), 0.9999f, 1.0001f);
                Assert.Equal(FixtureModel.Colour(outputs.SemanticIds[i])[0], outputs.SemanticRgb[3 * i]);
            }
        }
    }

    [SkippableFact]
    public void Infer_SplitGraphsAgainstWholeGraph_SameOutputsWithinFloatTolerance()
    {
        using var full = Open(false);
        using var split = Open(true);
        using var a = new CvmOutputs(W, H);
        using var b = new CvmOutputs(W, H);
        var fv = Enumerable.Range(0, 3).Select(_ => full.CreateViewCache()).ToArray();
        var sv = Enumerable.Range(0, 3).Select(_ => split.CreateViewCache()).ToArray();
        for (var i = 0; i < 3; i++)
        {
            var img = new CameraImage(TestImages.Rgb(W, H, 40 + i), W, H, 3 * W, ImageEncoding.Rgb8);
            Assert.Equal(FrameRejection.None, full.PrepareView(img, K_cam, fv[i]));
            Assert.Equal(FrameRejection.None, split.PrepareView(img, K_cam, sv[i]));
        }
        Assert.Equal(FrameRejection.None, full.Infer(fv[0], T_world_ref, fv[1], T_world_src1, fv[2], T_world_src2, a));
        Assert.Equal(FrameRejection.None, split.Infer(sv[0], T_world_ref, sv[1], T_world_src1, sv[2], T_world_src2, b));
        var rawA = full.RawDepthB1HW.ToArray();
        var rawB = split.RawDepthB1HW.ToArray();
        var maxRel = rawA.Zip(rawB).Max(p => Math.Abs(p.First - p.Second) / p.First);
        _log.WriteLine($"max relative depth difference split vs whole: {maxRel:E2}");
        Assert.True(maxRel < 1e-4, $"max relative depth difference {maxRel}");
        var normalsA = full.RawNormalsB3HW.ToArray();
        var normalsB = split.RawNormalsB3HW.ToArray();
        Assert.True(normalsA.Zip(normalsB).Max(p => Math.Abs(p.First - p.Second)) < 1e-4);
    }

    [SkippableTheory]
    [InlineData(false)]
    [InlineData(true)]
    public void PrepareAndInfer_SteadyState640x480_ZeroBytesAllocatedPerFrame(bool split)
    {
        using var model = Open(split);
        using var outputs = new CvmOutputs(W, H);
        // A rotating set of camera buffers, as pooled message buffers would be; keyframe views kept apart.
        var frames = Enumerable.Range(0, 3).Select(i => TestImages.Rgb(W, H, 50 + i)).ToArray();
        var reference = model.CreateViewCache();
        var keyframes = Enumerable.Range(0, 2).Select(_ => model.CreateViewCache()).ToArray();
        for (var i = 0; i < 2; i++)
            Assert.Equal(FrameRejection.None, model.PrepareView(new CameraImage(frames[i], W, H, 3 * W, ImageEncoding.Rgb8), K_cam, keyframes[i]));
        void Frame(int i)
        {
            var r = model.PrepareView(new CameraImage(frames[i % 3], W, H, 3 * W, ImageEncoding.Rgb8), K_cam, reference);
            var s = i % 4 == 0 ? model.InferDuplicated(reference, outputs)
                : model.Infer(reference, T_world_ref, keyframes[0], T_world_src1, keyframes[1], T_world_src2, outputs);
            if (r != FrameRejection.None || s != FrameRejection.None) throw new InvalidOperationException($"{r} {s}");
        }
        for (var i = 0; i < 40; i++) Frame(i); // past tiered JIT recompilation
        const int frameCount = 30;
        var pipelineMs = new double[frameCount];
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < frameCount; i++)
        {
            Frame(i);
            pipelineMs[i] = model.LastTimings.PipelineMs;
        }
        var perFrame = (GC.GetAllocatedBytesForCurrentThread() - before) / (double)frameCount;
        Array.Sort(pipelineMs);
        var t = model.LastTimings;
        _log.WriteLine($"split={split}: {perFrame:F1} B/frame; pipeline (pre+post) median {pipelineMs[frameCount / 2]:F2} ms, p90 {pipelineMs[frameCount * 9 / 10]:F2} ms; last {t}");
        // A one-off runtime allocation in the measured loop (see SteadyStateAllocation) gets up to four more windows.
        if (perFrame != 0)
            SteadyStateAllocation.AssertSomeWindowAllocatesNothing(() => { for (var i = 0; i < frameCount; i++) Frame(i); }, $"split={split} frames", maxWindows: 4);
    }
}
