using CvM.Geometry;

namespace CvM.Pipeline;

/// <summary>
/// Where camera poses come from. <see cref="PoseSourceMode.Odometry"/>: T_world_cam = T_odom_base(stamp) * T_base_cam,
/// with T_base_cam looked up in /tf_static (<see cref="BaseFrame"/>, or the odometry's child frame when empty, to the
/// image frame) when <see cref="MountingFromTf"/> and that lookup succeeds, else <see cref="T_base_cam"/>.
/// <see cref="PoseSourceMode.Tf"/>: T_world_cam = TF lookup of <see cref="WorldFrame"/> to the image frame.
/// <see cref="PoseSourceMode.None"/>: no poses (every frame duplicated, counted). Immutable.
/// </summary>
public sealed record PoseSourceOptions
{
    /// <summary>Which source.</summary>
    public PoseSourceMode Mode { get; init; } = PoseSourceMode.Odometry;

    /// <summary>The TF root of camera poses (<see cref="PoseSourceMode.Tf"/>).</summary>
    public string WorldFrame { get; init; } = "odom";

    /// <summary>The robot frame odometry tracks; empty = the odometry's child frame.</summary>
    public string BaseFrame { get; init; } = string.Empty;

    /// <summary>Look the mounting up in TF first.</summary>
    public bool MountingFromTf { get; init; } = true;

    /// <summary>The mounting used when TF has none (maps optical-frame points into the base frame).</summary>
    public Pose3 T_base_cam { get; init; } = Pose3.Identity;
}
