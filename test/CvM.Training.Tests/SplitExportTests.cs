using System.Text.Json.Nodes;
using CvM.Geometry;
using CvM.Inference;
using CvM.TestSupport;
using CvM.Training.Data;
using CvM.Training.Eval;
using CvM.Training.Export;
using CvM.Training.Nn;
using CvM.Training.Train;

namespace CvM.Training.Tests;

/// <summary>
/// The keyframe-cache export as the node consumes it: <see cref="ManifestWriter.WriteSplit"/> and
/// <see cref="ManifestWriter.Write"/> of one random-weight network of the shipped shape (fine cost volume, so
/// <c>k4</c> is cached too), opened by CvM.Inference's <see cref="CvmModel"/> and by the eval verb's predictors.
/// </summary>
public sealed class SplitExportTests : IDisposable
{
    private const int CamW = 320, CamH = 240;
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("cvm_split_export_");
    private readonly string _wholeManifest, _splitManifest;

    public SplitExportTests()
    {
        TorchFixture.Ensure(11);
        using var net = OnnxParityTests.RandomNet(OnnxParityTests.Shipped);
        var config = TrainConfig.Load(Path.Combine(RepoPaths.Root, "cvm_perception", "CvM.Training", "configs", "cvm_96x128.json"));
        var info = new CheckpointInfo(123, 45.6, config);
        _wholeManifest = ManifestWriter.Write(Path.Combine(_dir.FullName, "whole", "m.onnx"), CvmOnnxExporter.ExportFull(net), net, info, []);
        _splitManifest = ManifestWriter.WriteSplit(Path.Combine(_dir.FullName, "split", "m.onnx"),
            CvmOnnxExporter.ExportFeatures(net), CvmOnnxExporter.ExportMultiView(net), net, info, []);
    }

    public void Dispose() => _dir.Delete(recursive: true);

    [Fact]
    public void WriteSplit_ShippedShape_ManifestNamesBothGraphsWithHashesAndSignatures()
    {
        var folder = Path.GetDirectoryName(_splitManifest)!;
        Assert.Equal(["m.features.onnx", "m.json", "m.onnx"], Directory.GetFiles(folder).Select(f => Path.GetFileName(f)).Order().ToArray());
        var m = ModelManifestLoader.Load(_splitManifest);
        var split = Assert.IsType<ManifestSplit>(m.Split);
        Assert.Equal("m.features.onnx", split.Features.Model);
        Assert.Equal("m.onnx", split.MultiView.Model);
        Assert.Equal(ModelManifestLoader.Sha256Of(Path.Combine(folder, "m.features.onnx")), split.Features.Sha256);
        Assert.Equal(ModelManifestLoader.Sha256Of(Path.Combine(folder, "m.onnx")), split.MultiView.Sha256);
        Assert.Equal(split.MultiView.Sha256, m.Sha256);
        Assert.Equal(["f4", "f8", "f16", "m8", "k4"], split.Features.Outputs.Select(t => t.Name).ToArray());
        Assert.Equal([1L, 32, 24, 32], split.Features.Outputs.Single(t => t.Name == "k4").Shape);
        foreach (var name in new[] { "ref_k4", "src1_k4", "src2_k4" })
            Assert.Equal([1L, 32, 24, 32], split.MultiView.Inputs.Single(t => t.Name == name).Shape);
        // Everything the whole-graph manifest carries is there too (input size, range, planes, classes, recipe).
        var whole = ModelManifestLoader.Load(_wholeManifest);
        Assert.Null(whole.Split);
        Assert.Equal((whole.InputWidth, whole.InputHeight, whole.DepthMin, whole.DepthMax, whole.Planes, whole.Normalisation),
            (m.InputWidth, m.InputHeight, m.DepthMin, m.DepthMax, m.Planes, m.Normalisation));
        Assert.Equal(whole.Classes.Select(c => c.Name + string.Join(",", c.Rgb)), m.Classes.Select(c => c.Name + string.Join(",", c.Rgb)));
        var json = JsonNode.Parse(File.ReadAllText(_splitManifest))!;
        Assert.Equal(123, json["recipe"]!["trainedSteps"]!.GetValue<int>());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void CvmModel_SplitPairAndWholeGraph_SameOutputsWithin1e4(bool duplicated)
    {
        var options = new InferenceOptions { Device = InferenceDevice.Cpu, IntraOpThreads = 2 };
        using var whole = CvmModel.Open(_wholeManifest, options);
        using var split = CvmModel.Open(_splitManifest, options);
        Assert.False(whole.IsSplit);
        Assert.True(split.IsSplit);
        Assert.Equal(["f4", "f8", "f16", "m8", "k4"], split.FeatureNames);
        var K_cam = new Intrinsics(0.9 * CamW, 0.9 * CamW, CamW / 2.0, CamH / 2.0, CamW, CamH);
        var images = Enumerable.Range(0, 3).Select(Image).ToArray();
        Pose3[] poses =
        [
            new(UnitQuaternion.FromAxisAngle(new Vector3d(0, 1, 0), 0.03), new Vector3d(0.05, 0, 0)),
            new(UnitQuaternion.Identity, new Vector3d(-0.08, 0.01, 0.02)),
            new(UnitQuaternion.FromAxisAngle(new Vector3d(1, 0, 0), -0.02), new Vector3d(0.15, -0.02, 0.1)),
        ];
        float[][] Run(CvmModel model)
        {
            var views = images.Select(_ => model.CreateViewCache()).ToArray();
            for (var i = 0; i < 3; i++)
                Assert.Equal(FrameRejection.None, model.PrepareView(new CameraImage(images[i], CamW, CamH, 3 * CamW, ImageEncoding.Rgb8), K_cam, views[i]));
            using var outputs = new CvM.Inference.CvmOutputs(CamW, CamH);
            var r = duplicated ? model.InferDuplicated(views[0], outputs)
                : model.Infer(views[0], poses[0], views[1], poses[1], views[2], poses[2], outputs);
            Assert.Equal(FrameRejection.None, r);
            return [model.RawDepthB1HW.ToArray(), model.RawSemanticLogitsBCHW.ToArray(), model.RawNormalsB3HW.ToArray()];
        }
        var a = Run(whole);
        var b = Run(split);
        for (var o = 0; o < 3; o++)
        {
            Assert.Equal(a[o].Length, b[o].Length);
            var diff = a[o].Zip(b[o], (x, y) => float.IsNaN(x) && float.IsNaN(y) ? 0 : Math.Abs(x - y)).Max();
            Assert.True(diff <= 1e-4, $"output {ModelContract.Outputs[o]}: max abs diff {diff}");
        }
        // Not trivially equal: the outputs vary over the image, and multi-view differs from duplicated input.
        Assert.True(a[0].Max() - a[0].Min() > 1e-3);
    }

    [Fact]
    public void EvalPredictors_SplitManifestAndWholeGraph_SamePredictionsWithin1e4()
    {
        var m = ModelManifestLoader.Load(_splitManifest);
        using var whole = new CvmOrtModel(Path.Combine(Path.GetDirectoryName(_wholeManifest)!, "m.onnx"), m.DepthMin, m.DepthMax);
        using var split = new CvmSplitOrtModel(_splitManifest, m.DepthMin, m.DepthMax);
        Assert.Equal((whole.Width, whole.Height), (split.Width, split.Height));
        var rng = new Random(5);
        int h = split.Height, w = split.Width;
        float[] Rgb() => Enumerable.Range(0, 3 * h * w).Select(_ => (float)rng.NextDouble()).ToArray();
        float f = 0.9f * w, cx = w / 2f, cy = h / 2f;
        var sample = new ViewTriplet(Rgb(), Rgb(), Rgb(), new float[h * w], new byte[h * w], new float[3 * h * w],
            [f, 0, cx, 0, f, cy, 0, 0, 1], [1 / f, 0, -cx / f, 0, 1 / f, -cy / f, 0, 0, 1],
            [1, 0, 0, 0.1f, 0, 1, 0, 0, 0, 0, 1, 0.02f, 0, 0, 0, 1], [1, 0, 0, -0.1f, 0, 1, 0, 0.01f, 0, 0, 1, 0, 0, 0, 0, 1], h, w);
        foreach (var duplicate in new[] { false, true })
        {
            var a = whole.Predict(sample, duplicate);
            var b = split.Predict(sample, duplicate);
            Assert.True(a.Depth.Zip(b.Depth, (x, y) => Math.Abs(x - y)).Max() <= 1e-4);
            Assert.True(a.SemanticLogits.Zip(b.SemanticLogits, (x, y) => Math.Abs(x - y)).Max() <= 1e-4);
            Assert.True(a.Normals.Zip(b.Normals, (x, y) => Math.Abs(x - y)).Max() <= 1e-4);
        }
    }

    [Fact]
    public void Load_SplitManifestWithoutSourceK4_StartupErrorNamingTheManifest()
    {
        var json = JsonNode.Parse(File.ReadAllText(_splitManifest))!;
        var inputs = json["split"]!["multiView"]!["inputs"]!.AsArray();
        inputs.Remove(inputs.Single(t => t!["name"]!.GetValue<string>() == "src2_k4"));
        var path = Path.Combine(Path.GetDirectoryName(_splitManifest)!, "tampered.json");
        File.WriteAllText(path, json.ToJsonString());
        var e = Assert.Throws<ModelManifestException>(() => ModelManifestLoader.Load(path));
        Assert.Equal(path, e.Path);
        Assert.Contains("src2_k4", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_SplitManifestSignatureDiffersFromGraph_StartupErrorNamingTheGraph()
    {
        // The manifest says k4 has 16 channels everywhere (consistent in itself); the graphs say 32.
        var json = JsonNode.Parse(File.ReadAllText(_splitManifest))!;
        foreach (var t in json["split"]!["features"]!["outputs"]!.AsArray().Concat(json["split"]!["multiView"]!["inputs"]!.AsArray()))
            if (t!["name"]!.GetValue<string>().EndsWith("k4", StringComparison.Ordinal)) t["shape"]![1] = 16;
        var path = Path.Combine(Path.GetDirectoryName(_splitManifest)!, "tampered_shape.json");
        File.WriteAllText(path, json.ToJsonString());
        var e = Assert.Throws<ModelManifestException>(() => CvmModel.Open(path, new InferenceOptions { Device = InferenceDevice.Cpu, IntraOpThreads = 1 }));
        Assert.Equal(Path.Combine(Path.GetDirectoryName(_splitManifest)!, "m.features.onnx"), e.Path);
        Assert.Contains("k4", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_SplitFeatureGraphMissingOrChanged_StartupErrorNamingTheFile()
    {
        var features = Path.Combine(Path.GetDirectoryName(_splitManifest)!, "m.features.onnx");
        var bytes = File.ReadAllBytes(features);
        bytes[^20] ^= 0x33;
        File.WriteAllBytes(features, bytes);
        var changed = Assert.Throws<ModelManifestException>(() => ModelManifestLoader.Load(_splitManifest));
        Assert.Equal(features, changed.Path);
        Assert.Contains("SHA-256", changed.Message, StringComparison.Ordinal);
        File.Delete(features);
        var missing = Assert.Throws<ModelManifestException>(() => ModelManifestLoader.Load(_splitManifest));
        Assert.Equal(features, missing.Path);
        Assert.Contains("not found", missing.Message, StringComparison.Ordinal);
    }

    private static byte[] Image(int seed)
    {
        var rng = new Random(seed);
        var img = new byte[3 * CamW * CamH];
        for (var y = 0; y < CamH; y++)
            for (var x = 0; x < CamW; x++)
            {
                var i = 3 * (y * CamW + x);
                img[i] = (byte)((x * 3 + seed * 17) & 255);
                img[i + 1] = (byte)((y * 5 + x / 7) & 255);
                img[i + 2] = (byte)rng.Next(256);
            }
        return img;
    }
}
