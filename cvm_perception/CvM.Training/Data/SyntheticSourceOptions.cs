namespace CvM.Training.Data;

/// <summary>How <see cref="SyntheticTripletSource"/> turns generated rooms and camera paths into samples.</summary>
public sealed record SyntheticSourceOptions
{
    /// <summary>Frames of each camera path (at the path's frame rate, 10 Hz by default).</summary>
    public int PathFrames { get; init; } = 48;

    /// <summary>Keyframe window: source candidates are the frames up to this many before the reference (the node's ring buffer).</summary>
    public int KeyframeWindow { get; init; } = 30;

    /// <summary>Minimum camera-centre distance of a source view from the reference, metres.</summary>
    public double MinBaselineM { get; init; } = 0.05;

    /// <summary>Share of samples on a wheeled-robot path (the rest handheld).</summary>
    public double RobotShare { get; init; } = 0.5;

    /// <summary>Horizontal field of view range, degrees (7-Scenes' Kinect: 57).</summary>
    public double HfovMinDeg { get; init; } = 55;

    /// <inheritdoc cref="HfovMinDeg"/>
    public double HfovMaxDeg { get; init; } = 72;

    /// <summary>Camera speed range along the path, metres per second.</summary>
    public double SpeedMin { get; init; } = 0.2;

    /// <inheritdoc cref="SpeedMin"/>
    public double SpeedMax { get; init; } = 0.6;

    /// <summary>
    /// Metric scale augmentation: each sample's world is scaled by s, log-uniform in [1 / max, max] (1 = off). A room
    /// scaled by s and seen from camera centres scaled by s gives the same images, so only the ground-truth depth and
    /// the poses' translations change: a single image cannot tell s (monocular scale ambiguity) while the metric
    /// baselines of the source views can. As in multi-view stereo training, it makes the network take metric scale
    /// from the poses instead of from the generator's room sizes. View selection sees the scaled (metric) baselines.
    /// </summary>
    public double SceneScaleMax { get; init; } = 1.0;

    /// <summary>Throws <see cref="ArgumentException"/> on a value out of range.</summary>
    public void Validate()
    {
        if (PathFrames < 8 || KeyframeWindow < 2 || KeyframeWindow >= PathFrames) throw new ArgumentException("need pathFrames >= 8 and 2 <= keyframeWindow < pathFrames");
        if (!(MinBaselineM >= 0 && MinBaselineM < 1)) throw new ArgumentException("minBaselineM must be in [0, 1)");
        if (RobotShare is < 0 or > 1) throw new ArgumentException("robotShare must be in [0, 1]");
        if (!(HfovMinDeg > 20 && HfovMaxDeg >= HfovMinDeg && HfovMaxDeg < 120)) throw new ArgumentException("bad hfov range");
        if (!(SceneScaleMax >= 1 && SceneScaleMax <= 2)) throw new ArgumentException("sceneScaleMax must be in [1, 2]");
        if (!(SpeedMin >= 0.05 && SpeedMax >= SpeedMin && SpeedMax <= 3)) throw new ArgumentException("bad speed range");
    }
}
