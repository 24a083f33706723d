using CvM.Geometry;

namespace CvM.Inference.Tests;

/// <summary>End-to-end checks of <see cref="CvmModel"/> on the analytic fixture (see <see cref="FixtureModel"/>), whole and split.</summary>
public sealed class CvmModelTests : IDisposable
{
    private const int W = 64, H = 48, MW = 32, MH = 24, Classes = 5;
    private static readonly Intrinsics K_cam = new(60, 62, 31.5, 23.5, W, H);
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private CvmModel Open(bool split, InferenceOptions? options = null)
    {
        var manifest = split ? FixtureModel.WriteSplit(_dir.Path, MW, MH, Classes) : FixtureModel.WriteFull(_dir.Path, MW, MH, Classes);
        return CvmModel.Open(manifest, options ?? new InferenceOptions { Device = InferenceDevice.Cpu, IntraOpThreads = 1 });
    }

    private static ViewCache Prepare(CvmModel model, byte[] rgb, ImageEncoding enc = ImageEncoding.Rgb8)
    {
        var view = model.CreateViewCache();
        var data = TestImages.Encode(rgb, W, H, enc, 0, out var step);
        Assert.Equal(FrameRejection.None, model.PrepareView(new CameraImage(data, W, H, step, enc), K_cam, view));
        Assert.True(view.IsPrepared);
        return view;
    }

    private static float ExpectedDepth(byte grey) => FixtureModel.DepthMin + (FixtureModel.DepthMax - FixtureModel.DepthMin) * 2 * (grey / 255f - 0.25f);

    [Theory]
    [InlineData(false, DepthResizeMode.Bilinear)]
    [InlineData(true, DepthResizeMode.Bilinear)]
    [InlineData(false, DepthResizeMode.Nearest)]
    [InlineData(true, DepthResizeMode.Nearest)]
    public void InferDuplicated_ConstantGrey_ExactOutputsAtCameraResolution(bool split, DepthResizeMode resize)
    {
        using var model = Open(split, new InferenceOptions { Device = InferenceDevice.Cpu, IntraOpThreads = 1, DepthResize = resize });
        Assert.Equal(split, model.IsSplit);
        using var outputs = new CvmOutputs(W, H);
        var view = Prepare(model, TestImages.Grey(W, H, 153));
        Assert.Equal(FrameRejection.None, model.InferDuplicated(view, outputs));
        Assert.Equal(OutputKinds.All, outputs.Written);
        // depth = 0.5 + 7.5 * 2 * (0.6 - 0.25) = 5.75 m everywhere (resize of a constant keeps it).
        Assert.All(outputs.DepthMeters, d => Assert.Equal(ExpectedDepth(153), d, 4));
        Assert.Equal(5.75, outputs.DepthMeters[0], 4);
        // Duplication: image_src1 is the reference, grey 0.6 * 4 = 2.4, class 2.
        Assert.All(outputs.SemanticIds, id => Assert.Equal(2, id));
        for (var i = 0; i < W * H; i++) Assert.Equal(FixtureModel.Colour(2), outputs.SemanticRgb.AsSpan(3 * i, 3).ToArray());
        // Identity T_src1_ref: normal (0, 0, 1), colour (128, 128, 255).
        for (var i = 0; i < W * H; i++)
        {
            Assert.Equal([0f, 0f, 1f], outputs.NormalsXyz.AsSpan(3 * i, 3).ToArray());
            Assert.Equal([128, 128, 255], outputs.NormalsRgb.AsSpan(3 * i, 3).ToArray());
        }
        var t = model.LastTimings;
        Assert.True(t.PreprocessMs > 0 && t.RunMs > 0 && t.PostprocessMs > 0, t.ToString());
        Assert.Equal(split, t.FeaturesRunMs > 0);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Infer_KnownPosesAndSourceImages_SourcesAndRelativePoseReachTheModel(bool split)
    {
        using var model = Open(split);
        using var outputs = new CvmOutputs(W, H);
        var reference = Prepare(model, TestImages.Grey(W, H, 153));
        var src1 = Prepare(model, TestImages.Grey(W, H, 51), ImageEncoding.Bgr8); // 0.2 * 4 = 0.8: class 1
        var src2 = Prepare(model, TestImages.Grey(W, H, 255), ImageEncoding.Mono8);
        var T_world_ref = new Pose3(UnitQuaternion.FromAxisAngle(Vector3d.UnitY, 0.3), new Vector3d(0.4, -0.1, 0.2));
        var T_world_src1 = new Pose3(UnitQuaternion.FromAxisAngle(new Vector3d(1, 1, 0), -0.2), new Vector3d(0.1, 0.05, -0.3));
        var T_world_src2 = Pose3.Identity;
        Assert.Equal(FrameRejection.None, model.Infer(reference, T_world_ref, src1, T_world_src1, src2, T_world_src2, outputs));
        Assert.All(outputs.SemanticIds, id => Assert.Equal(1, id));
        // Expected normal: t of inverse(T_world_src1) * T_world_ref, plus (0, 0, 1), normalised.
        var t = Pose3.Relative(T_world_src1, T_world_ref).Translation;
        var n = new Vector3d(t.X, t.Y, t.Z + 1).Normalized();
        for (var i = 0; i < W * H; i += 97)
        {
            Assert.Equal(n.X, outputs.NormalsXyz[3 * i], 5);
            Assert.Equal(n.Y, outputs.NormalsXyz[3 * i + 1], 5);
            Assert.Equal(n.Z, outputs.NormalsXyz[3 * i + 2], 5);
            Assert.Equal((byte)Math.Round((n.X + 1) * 127.5), outputs.NormalsRgb[3 * i]);
        }
        Assert.All(outputs.DepthMeters, d => Assert.Equal(ExpectedDepth(153), d, 4));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void InferDuplicated_DepthOutsideRange_NaN(bool split)
    {
        using var model = Open(split);
        using var outputs = new CvmOutputs(W, H);
        // Left half grey 153 (5.75 m), right half grey 20 (below dmin), rows 0..1 grey 250 (above dmax).
        var rgb = TestImages.Grey(W, H, 153);
        for (var y = 0; y < H; y++)
            for (var x = 0; x < W; x++)
                if (y < 2 || x >= W / 2) rgb.AsSpan(3 * (y * W + x), 3).Fill((byte)(y < 2 ? 250 : 20));
        Assert.Equal(FrameRejection.None, model.InferDuplicated(Prepare(model, rgb), outputs));
        for (var y = 0; y < H; y++)
            for (var x = 0; x < W; x++)
            {
                var d = outputs.DepthMeters[y * W + x];
                if (y < 2 || x >= W / 2) Assert.True(float.IsNaN(d), $"({x},{y}) = {d}");
                else if (y >= 4 && x < W / 2 - 2) Assert.Equal(ExpectedDepth(153), d, 4);
            }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void InferDuplicated_NearestResize_EachCameraPixelTakesTheModelPixelUnderItsCentre(bool split)
    {
        using var model = Open(split, new InferenceOptions { Device = InferenceDevice.Cpu, IntraOpThreads = 1, DepthResize = DepthResizeMode.Nearest });
        using var outputs = new CvmOutputs(W, H);
        var rgb = TestImages.Rgb(W, H, 11);
        for (var i = 0; i < rgb.Length; i++) rgb[i] = (byte)(64 + rgb[i] / 2); // keep grey inside the valid depth band
        Assert.Equal(FrameRejection.None, model.InferDuplicated(Prepare(model, rgb), outputs));
        var raw = model.RawDepthB1HW.ToArray();
        var logits = model.RawSemanticLogitsBCHW.ToArray();
        for (var y = 0; y < H; y++)
            for (var x = 0; x < W; x++)
            {
                int mx = x * MW / W, my = y * MH / H, m = my * MW + mx; // factor 2: camera pixel centre (x + 0.5) / 2 lies in model pixel x / 2
                Assert.Equal(raw[m], outputs.DepthMeters[y * W + x]);
                var best = 0;
                for (var c = 1; c < Classes; c++)
                    if (logits[c * MW * MH + m] > logits[best * MW * MH + m]) best = c;
                Assert.Equal(best, outputs.SemanticIds[y * W + x]);
            }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Infer_SourceViewReusedThenChanged_ModelSeesTheCurrentContent(bool split)
    {
        using var model = Open(split);
        using var outputs = new CvmOutputs(W, H);
        var reference = Prepare(model, TestImages.Grey(W, H, 153));
        var src1 = Prepare(model, TestImages.Grey(W, H, 51)); // class round(0.2 * 4) = 1
        var src2 = Prepare(model, TestImages.Grey(W, H, 102));
        var other = Prepare(model, TestImages.Grey(W, H, 153)); // class round(0.6 * 4) = 2
        var T = new Pose3(UnitQuaternion.Identity, new Vector3d(0.1, 0, 0));
        int Class() => outputs.SemanticIds[W * H / 2];
        Assert.Equal(FrameRejection.None, model.Infer(reference, T, src1, Pose3.Identity, src2, Pose3.Identity, outputs));
        Assert.Equal(1, Class());
        // Same views again (inputs already loaded), then the source re-prepared in place, then overwritten by a copy.
        Assert.Equal(FrameRejection.None, model.Infer(reference, T, src1, Pose3.Identity, src2, Pose3.Identity, outputs));
        Assert.Equal(1, Class());
        Assert.Equal(FrameRejection.None, model.PrepareView(new CameraImage(TestImages.Grey(W, H, 255), W, H, 3 * W, ImageEncoding.Rgb8), K_cam, src1));
        Assert.Equal(FrameRejection.None, model.Infer(reference, T, src1, Pose3.Identity, src2, Pose3.Identity, outputs));
        Assert.Equal(4, Class());
        src1.CopyFrom(other);
        Assert.Equal(FrameRejection.None, model.Infer(reference, T, src1, Pose3.Identity, src2, Pose3.Identity, outputs));
        Assert.Equal(2, Class());
        // Duplication puts the reference in the source slots; multi-view afterwards reloads the sources.
        Assert.Equal(FrameRejection.None, model.InferDuplicated(src2, outputs));
        Assert.Equal(2, Class()); // round(0.4 * 4) = 2
        Assert.Equal(FrameRejection.None, model.Infer(reference, T, src1, Pose3.Identity, src2, Pose3.Identity, outputs));
        Assert.Equal(2, Class());
        Assert.Equal(FrameRejection.None, model.Infer(src2, T, reference, Pose3.Identity, src1, Pose3.Identity, outputs));
        Assert.Equal(2, Class()); // src1 slot now holds reference (153)
        Assert.Equal(FrameRejection.None, model.InferDuplicated(Prepare(model, TestImages.Grey(W, H, 255)), outputs));
        Assert.Equal(4, Class());
    }

    [Fact]
    public void Infer_SplitAndWholeGraph_SameOutputs()
    {
        using var full = Open(false);
        using var split = Open(true);
        using var a = new CvmOutputs(W, H);
        using var b = new CvmOutputs(W, H);
        var poses = new[] { new Pose3(UnitQuaternion.Identity, new Vector3d(0.2, 0, 0)), Pose3.Identity, new Pose3(UnitQuaternion.FromAxisAngle(Vector3d.UnitZ, 0.1), new Vector3d(0, 0.1, 0)) };
        var images = new[] { TestImages.Rgb(W, H, 21), TestImages.Rgb(W, H, 22), TestImages.Rgb(W, H, 23) };
        var fv = images.Select(i => Prepare(full, i)).ToArray();
        var sv = images.Select(i => Prepare(split, i)).ToArray();
        Assert.Equal(FrameRejection.None, full.Infer(fv[0], poses[0], fv[1], poses[1], fv[2], poses[2], a));
        Assert.Equal(FrameRejection.None, split.Infer(sv[0], poses[0], sv[1], poses[1], sv[2], poses[2], b));
        Assert.Equal(a.SemanticIds, b.SemanticIds);
        Assert.Equal(a.NormalsRgb, b.NormalsRgb);
        for (var i = 0; i < a.DepthMeters.Length; i++)
            Assert.True(a.DepthMeters[i].Equals(b.DepthMeters[i]) || Math.Abs(a.DepthMeters[i] - b.DepthMeters[i]) < 1e-5f);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Infer_BadInputs_TypedRejectionsAndModelKeepsWorking(bool split)
    {
        using var model = Open(split);
        using var outputs = new CvmOutputs(W, H);
        var view = model.CreateViewCache();
        var good = TestImages.Grey(W, H, 153);
        Assert.Equal(FrameRejection.UnsupportedEncoding, model.PrepareView(new CameraImage(good, W, H, 3 * W, ImageEncoding.Unsupported), K_cam, view));
        Assert.Equal(FrameRejection.DataTooShort, model.PrepareView(new CameraImage(good.AsSpan(1), W, H, 3 * W, ImageEncoding.Rgb8), K_cam, view));
        Assert.Equal(FrameRejection.ZeroSize, model.PrepareView(new CameraImage([], 0, 0, 0, ImageEncoding.Rgb8), K_cam, view));
        Assert.Equal(FrameRejection.IntrinsicsSizeMismatch, model.PrepareView(new CameraImage(good, W, H, 3 * W, ImageEncoding.Rgb8), new Intrinsics(60, 60, 31.5, 23.5, 640, 480), view));
        Assert.False(view.IsPrepared);
        Assert.Equal(FrameRejection.ViewMismatch, model.InferDuplicated(view, outputs));
        var ok = Prepare(model, good);
        var nanPose = new Pose3(UnitQuaternion.Identity, new Vector3d(double.NaN, 0, 0));
        Assert.Equal(FrameRejection.InvalidPose, model.Infer(ok, Pose3.Identity, ok, nanPose, ok, Pose3.Identity, outputs));
        Assert.Equal(FrameRejection.ViewMismatch, model.Infer(ok, Pose3.Identity, view, Pose3.Identity, ok, Pose3.Identity, outputs));
        Assert.Equal(FrameRejection.None, model.InferDuplicated(ok, outputs));
        Assert.Equal(ExpectedDepth(153), outputs.DepthMeters[0], 4);
    }

    [Fact]
    public void Open_AutoDevice_ReportsProviderAndFallbackReason()
    {
        using var model = Open(false, new InferenceOptions { Device = InferenceDevice.Auto, IntraOpThreads = 1 });
        if (model.Provider.Provider == ExecutionProvider.Cpu)
            Assert.Contains("CUDA", model.Provider.FallbackReason);
        else
            Assert.Null(model.Provider.FallbackReason);
        Assert.Equal(InferenceDevice.Auto, model.Provider.Requested);
    }

    [Fact]
    public void Infer_OnlyDepthEnabled_OtherBuffersUntouched()
    {
        using var model = Open(false, new InferenceOptions { Device = InferenceDevice.Cpu, IntraOpThreads = 1, Outputs = OutputKinds.Depth });
        using var outputs = new CvmOutputs(W, H);
        Assert.Equal(FrameRejection.None, model.InferDuplicated(Prepare(model, TestImages.Grey(W, H, 153)), outputs));
        Assert.Equal(OutputKinds.Depth, outputs.Written);
        Assert.All(outputs.SemanticRgb, v => Assert.Equal(0, v));
        Assert.All(outputs.NormalsXyz, v => Assert.Equal(0f, v));
        Assert.Equal(ExpectedDepth(153), outputs.DepthMeters[^1], 4);
    }
}
