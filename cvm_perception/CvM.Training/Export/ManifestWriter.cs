using System.Security.Cryptography;
using System.Text.Json;
using CvM.Training.Nn;
using CvM.Training.Train;
using Microsoft.ML.OnnxRuntime;

namespace CvM.Training.Export;

/// <summary>Writes the exported model and its manifest (<c>&lt;model&gt;.json</c>).</summary>
public static class ManifestWriter
{
    private static readonly Dictionary<string, string> Descriptions = new(StringComparer.Ordinal)
    {
        ["image_ref"] = "reference RGB, planar, values in [0,1]",
        ["image_src1"] = "source view 1 (or the reference, duplicated)",
        ["image_src2"] = "source view 2 (or the reference, duplicated)",
        ["image"] = "one view's RGB, planar, values in [0,1]",
        ["K"] = "intrinsics scaled to the model input size, row-major",
        ["invK"] = "inverse of K",
        ["T_src1_ref"] = "reference camera to source 1 camera (optical frames, metres); identity when duplicated",
        ["T_src2_ref"] = "reference camera to source 2 camera; identity when duplicated",
        ["depth_range"] = "plane-sweep (dmin, dmax), metres; use the manifest's values",
        ["depth"] = "z-depth, metres",
        ["semantic_logits"] = "logits of classes 0..13 (0 = void)",
        ["normals"] = "unit normals, camera optical frame",
        ["f4"] = "encoder features at 1/4 (ResNet-18 stage 1)",
        ["f8"] = "encoder features at 1/8 (stage 2)",
        ["f16"] = "encoder features at 1/16 (stage 3)",
        ["m8"] = "matching features at 1/8 (spatial-aware encoder + windowed self-attention)",
        ["k4"] = "fine matching features at 1/4 (second cost volume)",
    };

    /// <summary>Writes <paramref name="onnx"/> (the whole graph) to <paramref name="path"/> and the manifest beside it; returns the manifest path.</summary>
    public static string Write(string path, byte[] onnx, CvmNet net, CheckpointInfo info, IReadOnlyList<EvalMetrics> metrics)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllBytes(path, onnx);
        var o = net.Options;
        long H = o.ImageHeight, W = o.ImageWidth;
        var manifest = Base(net, info, metrics) with
        {
            Model = Path.GetFileName(path),
            Sha256 = Sha256(onnx),
            Inputs = [.. CvmOnnxExporter.FullInputs.Select(n => Spec(n, n.StartsWith("image", StringComparison.Ordinal) ? [1, 3, H, W] : n switch
            {
                "K" or "invK" => [1, 3, 3],
                "T_src1_ref" or "T_src2_ref" => [1, 4, 4],
                _ => [1, 2],
            }))],
        };
        return WriteManifest(path, manifest);
    }

    /// <summary>
    /// The keyframe-cache export: writes the multi-view graph to <paramref name="path"/> (the graph that gives the
    /// outputs keeps the model's name), the per-view feature graph to <c>&lt;stem&gt;.features.onnx</c> beside it, and
    /// one manifest <c>&lt;stem&gt;.json</c> whose <c>split</c> section names both files with their SHA-256 and their
    /// signatures as ONNX Runtime reads them. Returns the manifest path.
    /// </summary>
    public static string WriteSplit(string path, byte[] featuresOnnx, byte[] multiViewOnnx, CvmNet net, CheckpointInfo info, IReadOnlyList<EvalMetrics> metrics)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var featuresPath = FeaturesPath(full);
        File.WriteAllBytes(featuresPath, featuresOnnx);
        File.WriteAllBytes(full, multiViewOnnx);
        var features = Graph(Path.GetFileName(featuresPath), featuresOnnx);
        var multiView = Graph(Path.GetFileName(full), multiViewOnnx);
        var manifest = Base(net, info, metrics) with
        {
            Model = multiView.Model,
            Sha256 = multiView.Sha256,
            Inputs = multiView.Inputs,
            Outputs = multiView.Outputs,
            Split = new SplitSpec(features, multiView),
        };
        return WriteManifest(full, manifest);
    }

    /// <summary>The feature graph's path for a split export to <paramref name="path"/>: <c>&lt;stem&gt;.features.onnx</c>.</summary>
    public static string FeaturesPath(string path) => Path.ChangeExtension(path, ".features.onnx");

    /// <summary>Lower-case hex SHA-256.</summary>
    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>An ONNX graph's file entry: SHA-256 and the signature ONNX Runtime reads from it (inputs, outputs in graph order).</summary>
    public static GraphSpec Graph(string fileName, byte[] onnx)
    {
        using var session = new InferenceSession(onnx);
        TensorSpec T(KeyValuePair<string, NodeMetadata> kv) =>
            new(kv.Key, kv.Value.Dimensions.Select(d => (long)d).ToArray(),
                kv.Value.ElementDataType == Microsoft.ML.OnnxRuntime.Tensors.TensorElementType.Float ? "float32" : kv.Value.ElementDataType.ToString().ToLowerInvariant(),
                Describe(kv.Key));
        return new GraphSpec(fileName, Sha256(onnx), [.. session.InputMetadata.Select(T)], [.. session.OutputMetadata.Select(T)]);
    }

    private static string Describe(string name)
    {
        if (Descriptions.TryGetValue(name, out var d)) return d;
        var underscore = name.IndexOf('_');
        if (underscore > 0 && Descriptions.TryGetValue(name[(underscore + 1)..], out d))
            return (name[..underscore] == "ref" ? "reference view's " : "source view " + name[3..underscore] + "'s ") + d + " (from the feature graph)";
        return string.Empty;
    }

    private static TensorSpec Spec(string name, long[] shape) => new(name, shape, "float32", Describe(name));

    private static ModelManifest Base(CvmNet net, CheckpointInfo info, IReadOnlyList<EvalMetrics> metrics)
    {
        var o = net.Options;
        long H = o.ImageHeight, W = o.ImageWidth;
        return new ModelManifest
        {
            Model = string.Empty,
            Sha256 = string.Empty,
            Opset = OnnxGraph.Opset,
            Inputs = [],
            Outputs =
            [
                Spec("depth", [1, 1, H, W]),
                Spec("semantic_logits", [1, CvmNetOptions.SemanticClasses, H, W]),
                Spec("normals", [1, 3, H, W]),
            ],
            Normalisation = "RGB in [0,1] (divide 8-bit values by 255); the graph scales by 255 and subtracts the per-channel mean "
                + string.Join("/", net.Encoder.MeanRgb.Select(v => v.ToString("F2", System.Globalization.CultureInfo.InvariantCulture))) + " (RGB)",
            InputHeight = o.ImageHeight,
            InputWidth = o.ImageWidth,
            DepthMin = info.Config.DepthMin,
            DepthMax = info.Config.DepthMax,
            Planes = o.Planes,
            Classes = NyuClasses.Specs(),
            Recipe = new { info.Config, trainedSteps = info.Step, trainingSeconds = info.ElapsedSeconds, command = "CvM.Training train --config <config> --run <dir>" },
            Metrics = metrics.ToArray(),
            Parts = new() { ["enc/"] = "image encoder (ResNet-18 stages 1-3)", ["xview/"] = "spatial-aware encoder + multi-view transformer", ["cv/"] = "plane-sweep cost volume", ["fusion/"] = "fusion + decoder", ["heads/"] = "task heads" },
            Parameters = net.parameters().Sum(p => p.numel()),
            CrossViewParameters = net.CrossViewParameterCount,
        };
    }

    private static string WriteManifest(string modelPath, ModelManifest manifest)
    {
        var manifestPath = Path.ChangeExtension(modelPath, ".json");
        File.WriteAllText(manifestPath, JsonSerializer.Serialize(manifest, TrainConfig.Json));
        return manifestPath;
    }
}
