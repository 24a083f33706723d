using System.Security.Cryptography;
using System.Text.Json;
using CvM.Training.Nn;
using CvM.Training.Train;

namespace CvM.Training.Export;

/// <summary>Writes the exported model and its manifest (<c>&lt;model&gt;.json</c>).</summary>
public static class ManifestWriter
{
    /// <summary>Writes <paramref name="onnx"/> to <paramref name="path"/> and the manifest beside it; returns the manifest path.</summary>
    public static string Write(string path, byte[] onnx, CvmNet net, CheckpointInfo info, IReadOnlyList<EvalMetrics> metrics)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllBytes(path, onnx);
        var o = net.Options;
        long H = o.ImageHeight, W = o.ImageWidth;
        var manifest = new ModelManifest
        {
            Model = Path.GetFileName(path),
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(onnx)),
            Opset = OnnxGraph.Opset,
            Inputs =
            [
                new("image_ref", [1, 3, H, W], "float32", "reference RGB, planar, values in [0,1]"),
                new("image_src1", [1, 3, H, W], "float32", "source view 1 (or the reference, duplicated)"),
                new("image_src2", [1, 3, H, W], "float32", "source view 2 (or the reference, duplicated)"),
                new("K", [1, 3, 3], "float32", "intrinsics scaled to the model input size, row-major"),
                new("invK", [1, 3, 3], "float32", "inverse of K"),
                new("T_src1_ref", [1, 4, 4], "float32", "reference camera to source 1 camera (optical frames, metres); identity when duplicated"),
                new("T_src2_ref", [1, 4, 4], "float32", "reference camera to source 2 camera; identity when duplicated"),
                new("depth_range", [1, 2], "float32", "plane-sweep (dmin, dmax), metres; use the manifest's values"),
            ],
            Outputs =
            [
                new("depth", [1, 1, H, W], "float32", "z-depth, metres"),
                new("semantic_logits", [1, CvmNetOptions.SemanticClasses, H, W], "float32", "logits of classes 0..13 (0 = void)"),
                new("normals", [1, 3, H, W], "float32", "unit normals, camera optical frame"),
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
        var manifestPath = Path.ChangeExtension(path, ".json");
        File.WriteAllText(manifestPath, JsonSerializer.Serialize(manifest, TrainConfig.Json));
        return manifestPath;
    }
}
