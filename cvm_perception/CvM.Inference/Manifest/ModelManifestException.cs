namespace CvM.Inference;

/// <summary>
/// Start-up error: a model or manifest file is missing, unreadable, or does not match (SHA-256, signature,
/// contract). <see cref="Path"/> names the file; the message says what differs.
/// </summary>
public sealed class ModelManifestException : Exception
{
    /// <summary>Creates the error for <paramref name="path"/>.</summary>
    public ModelManifestException(string path, string difference, Exception? inner = null)
        : base($"model check failed for {path}: {difference}", inner)
    {
        Path = path;
        Difference = difference;
    }

    /// <summary>The file concerned.</summary>
    public string Path { get; }

    /// <summary>What differs or is missing.</summary>
    public string Difference { get; }
}
