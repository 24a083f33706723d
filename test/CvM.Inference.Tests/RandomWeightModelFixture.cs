using CvM.TestSupport;
using Microsoft.ML.OnnxRuntime;

namespace CvM.Inference.Tests;

/// <summary>
/// The real CvM architecture with random weights, exported by the training tool (<c>CvM.Training bench --random
/// --split</c>, whole graph and the two split graphs of one network) into a temporary folder, with manifests written
/// here (the bench verb writes none; tensor names and shapes follow the contract, features' shapes are read from the
/// exported graph). Unavailable (tests skip) when the training tool has not been built.
/// </summary>
public sealed class RandomWeightModelFixture : IDisposable
{
    public const int Height = 128, Width = 160, Classes = 14;
    public const float DepthMin = 0.3f, DepthMax = 10f;
    private readonly TempDir _dir = new();

    public RandomWeightModelFixture()
    {
        var dll = Path.Combine(RepoPaths.Root, "cvm_perception", "CvM.Training", "bin", "Release", "net10.0", "CvM.Training.dll");
        if (!File.Exists(dll))
        {
            SkipReason = "the training tool is not built: " + dll;
            return;
        }
        var onnx = _dir.File("cvm.onnx");
        var r = ExternalProcess.Run("dotnet", [dll, "bench", "--random", "--out", onnx, "--split", "--runs", "1", "--threads", "1",
            "--height", Height.ToString(), "--width", Width.ToString()], timeout: TimeSpan.FromMinutes(3));
        if (r.ExitCode != 0 || !File.Exists(onnx))
        {
            SkipReason = $"training tool export failed ({r.ExitCode}): {r.StdErr}";
            return;
        }
        var io = ModelContract.FullInputs.Concat(ModelContract.Outputs);
        var full = Manifest("cvm.onnx", null);
        FullManifest = FixtureModel.WriteManifest(_dir.Path, "cvm.json", full);
        var features = Graph("cvm.features.onnx");
        var multiView = Graph("cvm.multiview.onnx");
        SplitManifest = FixtureModel.WriteManifest(_dir.Path, "cvm_split.json", Manifest("cvm.onnx", new ManifestSplit { Features = features, MultiView = multiView }));
    }

    public string? SkipReason { get; }

    public string FullManifest { get; } = string.Empty;

    public string SplitManifest { get; } = string.Empty;

    public void Dispose() => _dir.Dispose();

    private ModelManifest Manifest(string model, ManifestSplit? split) => new()
    {
        Model = model,
        Sha256 = FixtureModel.Sha(File.ReadAllBytes(_dir.File(model))),
        Opset = 17,
        Inputs = ModelContract.FullInputs.Select(n => FixtureModel.Tensor(n, ModelContract.ExpectedShape(n, Height, Width, Classes)!)).ToArray(),
        Outputs = ModelContract.Outputs.Select(n => FixtureModel.Tensor(n, ModelContract.ExpectedShape(n, Height, Width, Classes)!)).ToArray(),
        Normalisation = "RGB in [0,1] (divide 8-bit values by 255); the graph scales by 255 and subtracts the per-channel mean",
        InputWidth = Width,
        InputHeight = Height,
        DepthMin = DepthMin,
        DepthMax = DepthMax,
        Planes = 32,
        Classes = Enumerable.Range(0, Classes).Select(c => new ManifestClass { Id = c, Name = "c" + c, Rgb = FixtureModel.Colour(c) }).ToArray(),
        Split = split,
    };

    private ManifestGraph Graph(string file)
    {
        var path = _dir.File(file);
        using var s = new InferenceSession(path);
        ManifestTensor T(KeyValuePair<string, NodeMetadata> kv) => FixtureModel.Tensor(kv.Key, kv.Value.Dimensions.Select(d => (long)d).ToArray());
        return new ManifestGraph
        {
            Model = file,
            Sha256 = FixtureModel.Sha(File.ReadAllBytes(path)),
            Inputs = s.InputMetadata.Select(T).ToArray(),
            Outputs = s.OutputMetadata.Select(T).ToArray(),
        };
    }
}
