namespace CvM.Inference;

/// <summary>
/// The outcome of choosing an execution provider: the one in use, what was requested, and why the CPU was
/// used when CUDA was requested or allowed (null when no fallback happened).
/// </summary>
public sealed record ProviderSelection(ExecutionProvider Provider, InferenceDevice Requested, string? FallbackReason)
{
    /// <summary>True when <see cref="InferenceDevice.Auto"/> fell back to the CPU.</summary>
    public bool FellBack => FallbackReason is not null;

    /// <inheritdoc />
    public override string ToString() =>
        FallbackReason is null ? $"{Provider} (requested {Requested})" : $"{Provider} (requested {Requested}; fallback: {FallbackReason})";
}
