using CvM.Geometry;
using CvM.Keyframes.Poses;

namespace CvM.Pipeline.Internal;

/// <summary>
/// T_world_cam = T_odom_base(stamp) * T_base_cam, the mounting from TF (base frame to the image frame) when that
/// lookup succeeds, else the configured one. The base frame is the configured one or, when empty, the child frame of
/// the odometry seen. Reads buffers owned by the pairing stage; same thread; allocates nothing.
/// </summary>
internal sealed class MountedOdometryPoseSource(PoseBuffer T_odom_base, TransformBuffer tf, PoseSourceOptions options, long toleranceNs)
    : ICameraPoseSource
{
    /// <summary>The odometry child frame seen last (used when no base frame is configured).</summary>
    public string OdometryChildFrame { get; set; } = string.Empty;

    public bool TryGetCameraPose(long stampNs, string cameraFrameId, out Pose3 T_world_cam, out PoseLookupStatus status)
    {
        T_world_cam = Pose3.Identity;
        if (!T_odom_base.TryGetPose(stampNs, toleranceNs, out var T_odom_b, out status)) return false;
        var T_base_cam = options.T_base_cam;
        var baseFrame = options.BaseFrame.Length > 0 ? options.BaseFrame : OdometryChildFrame;
        if (options.MountingFromTf && baseFrame.Length > 0 && baseFrame != cameraFrameId
            && tf.TryLookup(baseFrame, cameraFrameId, stampNs, toleranceNs, out var fromTf, out _))
            T_base_cam = fromTf;
        T_world_cam = T_odom_b * T_base_cam;
        status = PoseLookupStatus.Ok;
        return true;
    }
}
