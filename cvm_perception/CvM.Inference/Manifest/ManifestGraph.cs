namespace CvM.Inference;

/// <summary>One ONNX file of a split model: file name (beside the manifest), its SHA-256 and its signature.</summary>
public sealed record ManifestGraph
{
    /// <summary>File name, relative to the manifest's folder.</summary>
    public required string Model { get; init; }

    /// <summary>Lower-case hex SHA-256 of the file.</summary>
    public required string Sha256 { get; init; }

    /// <summary>Inputs.</summary>
    public required ManifestTensor[] Inputs { get; init; }

    /// <summary>Outputs.</summary>
    public required ManifestTensor[] Outputs { get; init; }
}
