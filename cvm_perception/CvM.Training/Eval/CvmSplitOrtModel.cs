using System.Text.Json;
using CvM.Training.Data;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace CvM.Training.Eval;

/// <summary>
/// The keyframe-cache export (<c>CvM.Training export --split</c>) on ONNX Runtime's CPU provider, run as the node runs
/// it: the per-view feature graph once per view (in duplicated mode the reference's features fill the source slots,
/// nothing is encoded twice), then the multi-view graph on the reference's features and the sources' <c>m8</c> (and
/// <c>k4</c>). Reads the two file names from the manifest's <c>split</c> section. Owns both sessions; each call
/// allocates its arrays (an evaluation tool).
/// </summary>
public sealed class CvmSplitOrtModel : IEvalModel
{
    private static readonly float[] Identity4 = [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1];
    private readonly InferenceSession _features, _multiView;
    private readonly float[] _depthRange;
    private readonly string[] _sourceFeatures;

    /// <summary>Opens the graphs named by the split manifest at <paramref name="manifestPath"/>.</summary>
    public CvmSplitOrtModel(string manifestPath, float depthMin, float depthMax, int threads = 2)
    {
        var (features, multiView) = SplitFiles(manifestPath) ?? throw new InvalidDataException("manifest has no split section: " + manifestPath);
        using var o = new SessionOptions { IntraOpNumThreads = threads, InterOpNumThreads = 1, GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL };
        _features = new InferenceSession(features, o);
        try
        {
            _multiView = new InferenceSession(multiView, o);
        }
        catch
        {
            _features.Dispose();
            throw;
        }
        _depthRange = [depthMin, depthMax];
        var dims = _features.InputMetadata["image"].Dimensions;
        (Height, Width) = (dims[2], dims[3]);
        _sourceFeatures = [.. _multiView.InputMetadata.Keys.Where(k => k.StartsWith("src1_", StringComparison.Ordinal)).Select(k => k[5..])];
    }

    /// <summary>Model input height.</summary>
    public int Height { get; }

    /// <summary>Model input width.</summary>
    public int Width { get; }

    /// <summary>The absolute paths of the feature and multi-view graphs a manifest's <c>split</c> section names, or null when it has none.</summary>
    public static (string Features, string MultiView)? SplitFiles(string manifestPath)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(manifestPath));
        if (!doc.RootElement.TryGetProperty("split", out var split) || split.ValueKind != JsonValueKind.Object) return null;
        var dir = Path.GetDirectoryName(Path.GetFullPath(manifestPath))!;
        string Graph(string graph) => Path.Combine(dir, split.GetProperty(graph).GetProperty("model").GetString() ?? throw new InvalidDataException($"split.{graph}.model missing"));
        return (Graph("features"), Graph("multiView"));
    }

    /// <inheritdoc />
    public CvmPrediction Predict(ViewTriplet s, bool duplicate)
    {
        if (s.Height != Height || s.Width != Width) throw new ArgumentException($"sample is {s.Width}x{s.Height}, model {Width}x{Height}");
        var reference = Encode(s.RefRgb, s.InvK);
        var src1 = duplicate ? reference : Encode(s.Src1Rgb, s.InvK);
        var src2 = duplicate ? reference : Encode(s.Src2Rgb, s.InvK);
        var inputs = new List<NamedOnnxValue>
        {
            NamedOnnxValue.CreateFromTensor("K", new DenseTensor<float>(s.K, [1, 3, 3])),
            NamedOnnxValue.CreateFromTensor("invK", new DenseTensor<float>(s.InvK, [1, 3, 3])),
            NamedOnnxValue.CreateFromTensor("T_src1_ref", new DenseTensor<float>(duplicate ? Identity4 : s.T_src1_ref, [1, 4, 4])),
            NamedOnnxValue.CreateFromTensor("T_src2_ref", new DenseTensor<float>(duplicate ? Identity4 : s.T_src2_ref, [1, 4, 4])),
            NamedOnnxValue.CreateFromTensor("depth_range", new DenseTensor<float>(_depthRange, [1, 2])),
        };
        foreach (var (name, value) in reference) inputs.Add(NamedOnnxValue.CreateFromTensor("ref_" + name, value));
        foreach (var f in _sourceFeatures)
        {
            inputs.Add(NamedOnnxValue.CreateFromTensor("src1_" + f, src1[f]));
            inputs.Add(NamedOnnxValue.CreateFromTensor("src2_" + f, src2[f]));
        }
        using var results = _multiView.Run(inputs);
        float[] Get(string name) => results.First(r => r.Name == name).AsTensor<float>().ToArray();
        return new CvmPrediction(Get("depth"), Get("semantic_logits"), Get("normals"));
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _features.Dispose();
        _multiView.Dispose();
    }

    private Dictionary<string, DenseTensor<float>> Encode(float[] rgb, float[] invK)
    {
        using var results = _features.Run(
        [
            NamedOnnxValue.CreateFromTensor("image", new DenseTensor<float>(rgb, [1, 3, Height, Width])),
            NamedOnnxValue.CreateFromTensor("invK", new DenseTensor<float>(invK, [1, 3, 3])),
        ]);
        return results.ToDictionary(r => r.Name, r =>
        {
            var t = r.AsTensor<float>();
            return new DenseTensor<float>(t.ToArray(), t.Dimensions.ToArray());
        });
    }
}
