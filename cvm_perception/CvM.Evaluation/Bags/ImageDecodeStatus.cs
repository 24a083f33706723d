namespace CvM.Evaluation.Bags;

/// <summary>Outcome of converting an image message's pixels for evaluation.</summary>
public enum ImageDecodeStatus
{
    /// <summary>Converted.</summary>
    Ok,
    /// <summary>The encoding is not one this converter handles (the frame is dropped and counted).</summary>
    UnsupportedEncoding,
    /// <summary>Step, size or data length do not agree, or the destination is too small.</summary>
    BadLayout,
}
