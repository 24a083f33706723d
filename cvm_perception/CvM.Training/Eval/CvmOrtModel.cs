using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using CvM.Training.Data;

namespace CvM.Training.Eval;

/// <summary>Outputs of one inference at the model input size, planar: depth <c>[H*W]</c> metres, logits <c>[14*H*W]</c>, normals <c>[3*H*W]</c>.</summary>
public sealed record CvmPrediction(float[] Depth, float[] SemanticLogits, float[] Normals);

/// <summary>Something that predicts the model outputs for a sample (the ONNX model, or a test oracle).</summary>
public interface ICvmPredictor
{
    /// <summary>Predicts for <paramref name="sample"/>; with <paramref name="duplicate"/> the sources are the reference with identity poses.</summary>
    CvmPrediction Predict(ViewTriplet sample, bool duplicate);
}

/// <summary>
/// The exported whole model (<c>CvmOnnxExporter.ExportFull</c>) on ONNX Runtime's CPU provider, the runtime the node
/// uses. Owns its <see cref="InferenceSession"/>; each call allocates its input and output arrays (an evaluation tool).
/// </summary>
public sealed class CvmOrtModel : IEvalModel
{
    private static readonly float[] Identity4 = [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1];
    private readonly InferenceSession _session;
    private readonly float[] _depthRange;

    /// <summary>Opens <paramref name="onnxPath"/> with <paramref name="threads"/> intra-op threads.</summary>
    public CvmOrtModel(string onnxPath, float depthMin, float depthMax, int threads = 2)
    {
        using var o = new SessionOptions { IntraOpNumThreads = threads, InterOpNumThreads = 1, GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL };
        _session = new InferenceSession(onnxPath, o);
        _depthRange = [depthMin, depthMax];
        var dims = _session.InputMetadata["image_ref"].Dimensions;
        (Height, Width) = (dims[2], dims[3]);
    }

    /// <summary>Model input height.</summary>
    public int Height { get; }

    /// <summary>Model input width.</summary>
    public int Width { get; }

    /// <inheritdoc />
    public CvmPrediction Predict(ViewTriplet s, bool duplicate)
    {
        if (s.Height != Height || s.Width != Width) throw new ArgumentException($"sample is {s.Width}x{s.Height}, model {Width}x{Height}");
        int[] img = [1, 3, Height, Width];
        var inputs = new List<NamedOnnxValue>
        {
            NamedOnnxValue.CreateFromTensor("image_ref", new DenseTensor<float>(s.RefRgb, img)),
            NamedOnnxValue.CreateFromTensor("image_src1", new DenseTensor<float>(duplicate ? s.RefRgb : s.Src1Rgb, img)),
            NamedOnnxValue.CreateFromTensor("image_src2", new DenseTensor<float>(duplicate ? s.RefRgb : s.Src2Rgb, img)),
            NamedOnnxValue.CreateFromTensor("K", new DenseTensor<float>(s.K, [1, 3, 3])),
            NamedOnnxValue.CreateFromTensor("invK", new DenseTensor<float>(s.InvK, [1, 3, 3])),
            NamedOnnxValue.CreateFromTensor("T_src1_ref", new DenseTensor<float>(duplicate ? Identity4 : s.T_src1_ref, [1, 4, 4])),
            NamedOnnxValue.CreateFromTensor("T_src2_ref", new DenseTensor<float>(duplicate ? Identity4 : s.T_src2_ref, [1, 4, 4])),
            NamedOnnxValue.CreateFromTensor("depth_range", new DenseTensor<float>(_depthRange, [1, 2])),
        };
        using var results = _session.Run(inputs);
        float[] Get(string name) => results.First(r => r.Name == name).AsTensor<float>().ToArray();
        return new CvmPrediction(Get("depth"), Get("semantic_logits"), Get("normals"));
    }

    /// <inheritdoc />
    public void Dispose() => _session.Dispose();
}
