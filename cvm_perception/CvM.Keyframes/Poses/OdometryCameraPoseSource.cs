using CvM.Geometry;

namespace CvM.Keyframes.Poses;

/// <summary>
/// Camera poses from odometry: T_world_cam = T_odom_base(stamp) * T_base_cam, with T_odom_base interpolated in the
/// <see cref="PoseBuffer"/> of odometry samples (nav_msgs/Odometry: header.frame_id = odom, child_frame_id = base)
/// and the camera's mounting T_base_cam either a fixed parameter or looked up in a <see cref="TransformBuffer"/>
/// (normally /tf_static: base -&gt; ... -&gt; the image's optical frame). The world frame is the odometry's frame.
/// Reads the buffers it is given; the caller owns them and adds samples on the same thread.
/// </summary>
public sealed class OdometryCameraPoseSource : ICameraPoseSource
{
    private readonly PoseBuffer _T_odom_base;
    private readonly Pose3 _T_base_cam;
    private readonly TransformBuffer? _tf;
    private readonly string? _baseFrameId;
    private readonly long _toleranceNs;

    /// <summary>Mounting from a parameter: <paramref name="T_base_cam"/> maps optical-frame points into the base frame.</summary>
    public OdometryCameraPoseSource(PoseBuffer T_odom_base, Pose3 T_base_cam, long toleranceNs)
    {
        ArgumentNullException.ThrowIfNull(T_odom_base);
        if (!PoseValidation.IsFinite(T_base_cam) || Math.Abs(T_base_cam.Rotation.Norm - 1) > 1e-6)
            throw new ArgumentException("T_base_cam must be finite with a unit quaternion", nameof(T_base_cam));
        ArgumentOutOfRangeException.ThrowIfNegative(toleranceNs);
        _T_odom_base = T_odom_base;
        _T_base_cam = T_base_cam;
        _toleranceNs = toleranceNs;
    }

    /// <summary>Mounting from TF: T_base_cam = <paramref name="tf"/> lookup of <paramref name="baseFrameId"/> &lt;- the image's frame at the image's stamp.</summary>
    public OdometryCameraPoseSource(PoseBuffer T_odom_base, TransformBuffer tf, string baseFrameId, long toleranceNs)
    {
        ArgumentNullException.ThrowIfNull(T_odom_base);
        ArgumentNullException.ThrowIfNull(tf);
        ArgumentException.ThrowIfNullOrEmpty(baseFrameId);
        ArgumentOutOfRangeException.ThrowIfNegative(toleranceNs);
        _T_odom_base = T_odom_base;
        _T_base_cam = Pose3.Identity;
        _tf = tf;
        _baseFrameId = baseFrameId;
        _toleranceNs = toleranceNs;
    }

    /// <inheritdoc />
    public bool TryGetCameraPose(long stampNs, string cameraFrameId, out Pose3 T_world_cam, out PoseLookupStatus status)
    {
        T_world_cam = Pose3.Identity;
        var T_base_cam = _T_base_cam;
        if (_tf is not null && !_tf.TryLookup(_baseFrameId!, cameraFrameId, stampNs, _toleranceNs, out T_base_cam, out status))
            return false;
        if (!_T_odom_base.TryGetPose(stampNs, _toleranceNs, out var T_odom_base, out status)) return false;
        T_world_cam = T_odom_base * T_base_cam;
        return true;
    }
}
