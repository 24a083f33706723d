namespace CvM.Synthetic;

/// <summary>
/// Parameters of the camera paths. <see cref="Validate"/> (called by the <see cref="CameraPath"/> factories)
/// throws <see cref="ArgumentOutOfRangeException"/> for values out of range.
/// </summary>
public sealed record CameraPathOptions
{
    /// <summary>Frames per second of the path (poses are spaced 1 / FrameRate apart): 1..120.</summary>
    public double FrameRate { get; init; } = 10;

    /// <summary>Walking / driving speed, metres per second: 0.05..3.</summary>
    public double Speed { get; init; } = 0.4;

    /// <summary>Smallest distance kept between the camera centre and any surface, metres: 0.1..1.</summary>
    public double MinClearance { get; init; } = 0.3;

    /// <summary>Handheld camera height range, metres: within 0.3..2.2.</summary>
    public double HandheldHeightMin { get; init; } = 1.15;

    /// <inheritdoc cref="HandheldHeightMin"/>
    public double HandheldHeightMax { get; init; } = 1.7;

    /// <summary>Amplitude of the handheld rotation jitter about each camera axis, degrees: 0..10.</summary>
    public double RotationJitterDeg { get; init; } = 1.5;

    /// <summary>Fixed camera height of the wheeled robot, metres: 0.2..2.</summary>
    public double RobotCameraHeight { get; init; } = 0.5;

    /// <summary>Fixed downward tilt of the robot camera, degrees (0 = level): 0..45.</summary>
    public double RobotTiltDeg { get; init; }

    /// <summary>Largest yaw rate of the robot, degrees per second: 5..180.</summary>
    public double RobotMaxTurnRateDeg { get; init; } = 45;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> when a value is out of range.</summary>
    public void Validate()
    {
        Check(FrameRate, 1, 120, nameof(FrameRate));
        Check(Speed, 0.05, 3, nameof(Speed));
        Check(MinClearance, 0.1, 1, nameof(MinClearance));
        Check(HandheldHeightMin, 0.3, 2.2, nameof(HandheldHeightMin));
        Check(HandheldHeightMax, HandheldHeightMin, 2.2, nameof(HandheldHeightMax));
        Check(RotationJitterDeg, 0, 10, nameof(RotationJitterDeg));
        Check(RobotCameraHeight, 0.2, 2, nameof(RobotCameraHeight));
        Check(RobotTiltDeg, 0, 45, nameof(RobotTiltDeg));
        Check(RobotMaxTurnRateDeg, 5, 180, nameof(RobotMaxTurnRateDeg));
    }

    private static void Check(double v, double lo, double hi, string name)
    {
        if (!(v >= lo && v <= hi)) throw new ArgumentOutOfRangeException(name, v, $"must lie within [{lo}, {hi}]");
    }
}
