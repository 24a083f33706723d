using CvM.Inference;
using CvM.Keyframes;

namespace CvM.Pipeline;

/// <summary>
/// Everything the pipeline needs, validated by <see cref="Validate"/> (the node fills it from its parameter record).
/// Immutable.
/// </summary>
public sealed record PipelineOptions
{
    /// <summary>Channel behaviour when full: drop oldest (live) or wait (replay).</summary>
    public PipelineMode Mode { get; init; } = PipelineMode.Live;

    /// <summary>The model's manifest (.json) or model (.onnx, manifest beside it with the same stem).</summary>
    public required string ModelPath { get; init; }

    /// <summary>Execution provider, threads, outputs.</summary>
    public InferenceOptions Inference { get; init; } = new();

    /// <summary>Pairing, keyframe and view-selection parameters.</summary>
    public KeyframeOptions Keyframes { get; init; } = KeyframeOptions.Default;

    /// <summary>Camera pose source.</summary>
    public PoseSourceOptions Poses { get; init; } = new();

    /// <summary>Capacity of the image, inference and output channels (1..64). Default 2.</summary>
    public int QueueCapacity { get; init; } = 2;

    /// <summary>Capacity of the side channel of poses, transforms and camera_infos in live mode (16..65536). Default 1024.</summary>
    public int EventQueueCapacity { get; init; } = 1024;

    /// <summary>Frames per second processed at most, by header stamps (0 = no limit; 0..1000).</summary>
    public double MaxRateHz { get; init; }

    /// <summary>The manifest path for <see cref="ModelPath"/>.</summary>
    public string ManifestPath => ModelPath.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? ModelPath : Path.ChangeExtension(ModelPath, ".json");

    /// <summary>Throws <see cref="ArgumentException"/> (or <see cref="ArgumentOutOfRangeException"/>) naming the first bad field.</summary>
    public void Validate()
    {
        if (!Enum.IsDefined(Mode)) throw new ArgumentOutOfRangeException(nameof(Mode), Mode, "live or replay");
        if (string.IsNullOrWhiteSpace(ModelPath)) throw new ArgumentException("model path must not be empty", nameof(ModelPath));
        Inference.Validate();
        Keyframes.Validate();
        if (!Enum.IsDefined(Poses.Mode)) throw new ArgumentOutOfRangeException(nameof(Poses), Poses.Mode, "odometry, tf or none");
        if (QueueCapacity is < 1 or > 64) throw new ArgumentOutOfRangeException(nameof(QueueCapacity), QueueCapacity, "1..64");
        if (EventQueueCapacity is < 16 or > 65536) throw new ArgumentOutOfRangeException(nameof(EventQueueCapacity), EventQueueCapacity, "16..65536");
        if (!(MaxRateHz >= 0 && MaxRateHz <= 1000)) throw new ArgumentOutOfRangeException(nameof(MaxRateHz), MaxRateHz, "0..1000");
    }
}
