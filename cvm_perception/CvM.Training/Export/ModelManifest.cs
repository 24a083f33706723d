namespace CvM.Training.Export;

/// <summary>One tensor of the model's signature.</summary>
public sealed record TensorSpec(string Name, long[] Shape, string Dtype, string Description);

/// <summary>A semantic class: id (logit index), name and display colour (RGB).</summary>
public sealed record ClassSpec(int Id, string Name, byte[] Rgb);

/// <summary>
/// Metrics of one evaluation set, multi-view against duplicated input on the same frames. The depth figures are
/// metric (no scaling). <see cref="AbsRelMedianScaled"/> and <see cref="ScaleErrorLog"/> are diagnostics that split
/// the depth error into scale and shape: per frame the prediction is scaled by <c>s = median(gt / pred)</c>
/// before AbsRel, and <c>|ln s|</c> is the frame's scale error; both averaged over frames.
/// </summary>
public sealed record EvalMetrics(string Set, int Frames, string Mode, double AbsRel, double Rmse, double Delta125, double? MIoU, double? NormalMeanAngleDeg,
    double? AbsRelMedianScaled = null, double? ScaleErrorLog = null);

/// <summary>
/// The JSON model manifest written next to the .onnx by <c>CvM.Training export</c>: signature, normalisation,
/// plane-sweep parameters, classes, training recipe, measured metrics and the SHA-256 of the model file. With
/// <c>--split</c>, <see cref="Split"/> names the two keyframe-cache graphs and the top-level model entry is the
/// multi-view graph (the graph that gives the outputs).
/// </summary>
public sealed record ModelManifest
{
    public required string Model { get; init; }
    public required string Sha256 { get; init; }
    public required int Opset { get; init; }
    public required TensorSpec[] Inputs { get; init; }
    public required TensorSpec[] Outputs { get; init; }
    public required string Normalisation { get; init; }
    public required int InputHeight { get; init; }
    public required int InputWidth { get; init; }
    public required float DepthMin { get; init; }
    public required float DepthMax { get; init; }
    public required int Planes { get; init; }
    public required ClassSpec[] Classes { get; init; }
    public required object Recipe { get; init; }
    public EvalMetrics[] Metrics { get; init; } = [];
    public Dictionary<string, string> Parts { get; init; } = [];
    public long Parameters { get; init; }
    public long CrossViewParameters { get; init; }
    public SplitSpec? Split { get; init; }
}
