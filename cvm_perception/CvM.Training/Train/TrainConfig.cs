using System.Text.Json;
using System.Text.Json.Serialization;
using CvM.Training.Data;
using CvM.Training.Nn;

namespace CvM.Training.Train;

/// <summary>Training recipe (JSON file, camelCase). Every field has a default; <see cref="Validate"/> checks ranges.</summary>
public sealed record TrainConfig
{
    /// <summary>Seed of weights initialisation and of sample order/duplication choices.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Seed of the scene source (training scenes are indices 0.. of it; evaluation uses another seed).</summary>
    public int DataSeed { get; init; } = 1000;

    /// <summary>Data source: <c>boxroom</c> (built-in ray-cast rooms) or <c>synthetic</c> (CvM.Synthetic generator).</summary>
    public string Source { get; init; } = "boxroom";

    /// <summary>How the <c>synthetic</c> source makes samples (paths, baselines, field of view).</summary>
    public SyntheticSourceOptions Synthetic { get; init; } = new();

    /// <summary>Optimiser steps to run in total.</summary>
    public int Steps { get; init; } = 5000;

    /// <summary>Samples per step.</summary>
    public int BatchSize { get; init; } = 4;

    /// <summary>Adam learning rate.</summary>
    public double LearningRate { get; init; } = 3e-4;

    /// <summary>Learning rate of the pretrained encoder (fine-tuning).</summary>
    public double EncoderLearningRate { get; init; } = 5e-5;

    /// <summary>Share of samples whose sources are the reference duplicated with identity poses.</summary>
    public double DuplicateFraction { get; init; } = 0.25;

    /// <summary>Plane-sweep range, metres.</summary>
    public float DepthMin { get; init; } = 0.3f;

    /// <summary>Plane-sweep range, metres.</summary>
    public float DepthMax { get; init; } = 10f;

    /// <summary>Network shape.</summary>
    public CvmNetOptions Net { get; init; } = new();

    /// <summary>Path of ResNet18.onnx; empty = next to the executable (<c>pretrained/ResNet18.onnx</c>); "none" = random.</summary>
    public string Pretrained { get; init; } = "";

    /// <summary>
    /// Warm start: a <c>.weights</c> checkpoint (of this or a smaller variant of the network) loaded non-strictly when a
    /// fresh run starts; parameters it lacks keep their initialisation. Empty = none.
    /// </summary>
    public string InitFrom { get; init; } = "";

    /// <summary>Keep the pretrained encoder fixed (no gradients through it); the CPU budget usually demands it.</summary>
    public bool FreezeEncoder { get; init; } = true;

    /// <summary>Weight of the log-depth L1 loss.</summary>
    public double DepthWeight { get; init; } = 1.0;

    /// <summary>Weight of the scale-invariant log-depth loss.</summary>
    public double SilogWeight { get; init; } = 0.5;

    /// <summary>Weight of the semantic cross-entropy (void ignored).</summary>
    public double SemanticWeight { get; init; } = 0.5;

    /// <summary>Weight of the normal cosine loss.</summary>
    public double NormalWeight { get; init; } = 0.5;

    /// <summary>Steps between checkpoints.</summary>
    public int CheckpointEvery { get; init; } = 250;

    /// <summary>libtorch intra-op threads.</summary>
    public int Threads { get; init; } = 2;

    /// <summary>Throws <see cref="ArgumentException"/> on a value out of range.</summary>
    public void Validate()
    {
        Net.Validate();
        if (Steps < 1 || BatchSize < 1) throw new ArgumentException("steps and batchSize must be >= 1");
        if (LearningRate <= 0 || EncoderLearningRate < 0) throw new ArgumentException("learning rates must be positive");
        if (DuplicateFraction is < 0 or > 1) throw new ArgumentException("duplicateFraction must be in [0,1]");
        if (!(DepthMin > 0 && DepthMax > DepthMin)) throw new ArgumentException("need 0 < depthMin < depthMax");
        if (Source is not ("boxroom" or "synthetic")) throw new ArgumentException("source must be boxroom or synthetic");
        Synthetic.Validate();
        if (Threads < 1) throw new ArgumentException("threads must be >= 1");
    }

    /// <summary>JSON options used for configs, checkpoints and manifests.</summary>
    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    /// <summary>Reads and validates a config file.</summary>
    public static TrainConfig Load(string path)
    {
        var c = JsonSerializer.Deserialize<TrainConfig>(File.ReadAllText(path), Json) ?? throw new ArgumentException("empty config " + path);
        c.Validate();
        return c;
    }
}
