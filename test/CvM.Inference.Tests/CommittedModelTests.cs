using CvM.Geometry;
using CvM.TestSupport;

namespace CvM.Inference.Tests;

/// <summary>The trained model committed in <c>models/</c> (skips while none is there), with the training tool's own manifest.</summary>
public sealed class CommittedModelTests
{
    public static TheoryData<string> Manifests()
    {
        var data = new TheoryData<string>();
        var dir = Path.Combine(RepoPaths.Root, "models");
        if (Directory.Exists(dir))
            foreach (var m in Directory.GetFiles(dir, "*.json").Order()) data.Add(Path.GetFileName(m));
        if (data.Count == 0) data.Add("");
        return data;
    }

    [SkippableTheory]
    [MemberData(nameof(Manifests))]
    public void Open_CommittedManifest_ChecksPassAndConstantSceneGivesValidOutputs(string manifest)
    {
        Skip.If(manifest.Length == 0, "no model committed in models/");
        using var model = CvmModel.Open(Path.Combine(RepoPaths.Root, "models", manifest), new InferenceOptions { Device = InferenceDevice.Cpu });
        using var outputs = new CvmOutputs(640, 480);
        var view = model.CreateViewCache();
        var image = TestImages.Rgb(640, 480, 77);
        Assert.Equal(FrameRejection.None, model.PrepareView(new CameraImage(image, 640, 480, 1920, ImageEncoding.Rgb8), new Intrinsics(585, 585, 320, 240, 640, 480), view));
        Assert.Equal(FrameRejection.None, model.InferDuplicated(view, outputs));
        Assert.All(outputs.DepthMeters, d => Assert.InRange(d, model.Manifest.DepthMin * 0.999f, model.Manifest.DepthMax * 1.001f));
        Assert.All(outputs.SemanticIds, id => Assert.InRange(id, 0, model.Manifest.Classes.Length - 1));
        for (var i = 0; i < 640 * 480; i += 101)
        {
            float x = outputs.NormalsXyz[3 * i], y = outputs.NormalsXyz[3 * i + 1], z = outputs.NormalsXyz[3 * i + 2];
            Assert.InRange(MathF.Sqrt(x * x + y * y + z * z), 0.9999f, 1.0001f);
            Assert.Equal(model.Manifest.Classes[outputs.SemanticIds[i]].Rgb, outputs.SemanticRgb.AsSpan(3 * i, 3).ToArray());
        }
    }

    [SkippableFact]
    public void CommittedModel_KeyframeCachePairWithinTheSizeBudget()
    {
        var dir = Path.Combine(RepoPaths.Root, "models");
        var manifest = RepoPaths.CommittedManifest;
        Skip.IfNot(File.Exists(manifest), "no committed model at " + manifest);
        // The node runs the split pair (features once per view, cached with keyframes); the whole graph is not shipped.
        var m = ModelManifestLoader.Load(manifest);
        var split = Assert.IsType<ManifestSplit>(m.Split);
        Assert.Equal(RepoPaths.CommittedModelStem + ".onnx", split.MultiView.Model);
        Assert.Equal(RepoPaths.CommittedModelStem + ".features.onnx", split.Features.Model);
        Assert.Contains(split.Features.Outputs, t => t.Name == "k4");
        using var model = CvmModel.Open(manifest, new InferenceOptions { Device = InferenceDevice.Cpu });
        Assert.True(model.IsSplit);
        Assert.Equal(["f4", "f8", "f16", "m8", "k4"], model.FeatureNames);
        var onnxBytes = Directory.GetFiles(dir, "*.onnx").Sum(f => new FileInfo(f).Length);
        Assert.True(onnxBytes <= 25L * 1000 * 1000, $"models/*.onnx take {onnxBytes} bytes, over 25 MB");
    }

    [SkippableFact]
    public void CommittedModel_KeyframesUsedAsSourcesOnManyFrames_EncodedOncePerView()
    {
        var manifest = RepoPaths.CommittedManifest;
        Skip.IfNot(File.Exists(manifest), "no committed model at " + manifest);
        using var model = CvmModel.Open(manifest, new InferenceOptions { Device = InferenceDevice.Cpu });
        Skip.IfNot(model.IsSplit, "the committed model is a whole graph");
        const int W = 160, H = 120;
        var K_cam = new Intrinsics(150, 150, 80, 60, W, H);
        using var outputs = new CvmOutputs(W, H);
        var keyframes = new[] { model.CreateViewCache(), model.CreateViewCache() };
        for (var i = 0; i < 2; i++)
            Assert.Equal(FrameRejection.None, model.PrepareView(new CameraImage(TestImages.Rgb(W, H, 10 + i), W, H, 3 * W, ImageEncoding.Rgb8), K_cam, keyframes[i]));
        var reference = model.CreateViewCache();
        var T_world_src2 = new Pose3(UnitQuaternion.Identity, new Vector3d(0.2, 0, 0));
        const int frames = 6;
        var depths = new List<float[]>();
        for (var f = 0; f < frames; f++)
        {
            Assert.Equal(FrameRejection.None, model.PrepareView(new CameraImage(TestImages.Rgb(W, H, 20 + f % 2), W, H, 3 * W, ImageEncoding.Rgb8), K_cam, reference));
            var r = f == frames - 1 ? model.InferDuplicated(reference, outputs)
                : model.Infer(reference, new Pose3(UnitQuaternion.Identity, new Vector3d(0.1, 0, 0)), keyframes[0], Pose3.Identity, keyframes[1], T_world_src2, outputs);
            Assert.Equal(FrameRejection.None, r);
            depths.Add(model.RawDepthB1HW.ToArray());
        }
        // One feature-graph run per prepared view: the two keyframes once, each new frame once; Infer and the
        // duplicated mode reuse cached features.
        Assert.Equal(2 + frames, model.FeatureGraphRuns);
        // The cached sources still reach the model: the same reference image and sources give the same depth, and
        // the duplicated mode gives another.
        static float MaxDiff(float[] a, float[] b) => a.Zip(b, (x, y) => Math.Abs(x - y)).Max();
        Assert.True(MaxDiff(depths[0], depths[2]) <= 1e-5f);
        Assert.True(MaxDiff(depths[0], depths[1]) > 1e-3f);
        Assert.True(MaxDiff(depths[frames - 3], depths[frames - 1]) > 1e-3f);
    }
}
