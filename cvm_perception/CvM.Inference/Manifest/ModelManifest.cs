using System.Text.Json;
using System.Text.Json.Serialization;

namespace CvM.Inference;

/// <summary>
/// The JSON manifest beside an exported CvM model (mirrors the fields of the training tool's manifest that
/// inference needs; other fields are ignored): the whole graph's file, SHA-256 and signature, input size,
/// normalisation, plane-sweep depth range and classes; optionally the split export (<see cref="Split"/>).
/// Load and check it with <see cref="ModelManifestLoader"/>.
/// </summary>
public sealed record ModelManifest
{
    /// <summary>JSON options of the manifest (camelCase, comments allowed).</summary>
    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>File name of the whole graph, relative to the manifest's folder.</summary>
    public required string Model { get; init; }

    /// <summary>Lower-case hex SHA-256 of <see cref="Model"/>.</summary>
    public required string Sha256 { get; init; }

    /// <summary>ONNX opset.</summary>
    public int Opset { get; init; }

    /// <summary>Whole-graph inputs.</summary>
    public required ManifestTensor[] Inputs { get; init; }

    /// <summary>Whole-graph outputs.</summary>
    public required ManifestTensor[] Outputs { get; init; }

    /// <summary>Pixel normalisation, as text (parsed by <see cref="PixelNormalisation.Parse"/>).</summary>
    public required string Normalisation { get; init; }

    /// <summary>Model input height, pixels.</summary>
    public required int InputHeight { get; init; }

    /// <summary>Model input width, pixels.</summary>
    public required int InputWidth { get; init; }

    /// <summary>Plane-sweep minimum depth, metres.</summary>
    public required float DepthMin { get; init; }

    /// <summary>Plane-sweep maximum depth, metres.</summary>
    public required float DepthMax { get; init; }

    /// <summary>Number of depth planes.</summary>
    public int Planes { get; init; }

    /// <summary>Semantic classes, ids 0..n-1.</summary>
    public required ManifestClass[] Classes { get; init; }

    /// <summary>The split export, or null when only the whole graph exists.</summary>
    public ManifestSplit? Split { get; init; }
}
