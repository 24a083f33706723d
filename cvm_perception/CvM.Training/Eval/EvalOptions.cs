using CvM.Training.Data;

namespace CvM.Training.Eval;

/// <summary>Options of the <c>eval</c> verb.</summary>
public sealed record EvalOptions
{
    /// <summary>Held-out generated scenes to evaluate (0 = none).</summary>
    public int SyntheticScenes { get; init; } = 40;

    /// <summary>Data seed of the held-out scenes (any seed: held-out scene seeds are never trained on).</summary>
    public int DataSeed { get; init; } = 1000;

    /// <summary>7-Scenes style sequence folder, or null to skip.</summary>
    public string? SevenScenes { get; init; }

    /// <summary>Scale augmentation of the held-out synthetic scenes (<see cref="SyntheticSourceOptions.SceneScaleMax"/>; 1 = off).</summary>
    public double SceneScaleMax { get; init; } = 1.0;

    /// <summary>Minimum source baseline, metres, in both sets (the node's <c>keyframes.min_baseline</c> rule).</summary>
    public double MinBaselineM { get; init; } = 0.05;
}
