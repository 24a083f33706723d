using CvM.Geometry;

namespace CvM.Keyframes.Poses;

/// <summary>
/// Camera poses from TF alone: T_world_cam = lookup of <c>worldFrameId</c> (odom or map) &lt;- the image's optical
/// frame at the image's stamp, chained through /tf and /tf_static. Reads the <see cref="TransformBuffer"/> it is
/// given; the caller owns it and adds transforms on the same thread.
/// </summary>
public sealed class TfCameraPoseSource : ICameraPoseSource
{
    private readonly TransformBuffer _tf;
    private readonly string _worldFrameId;
    private readonly long _toleranceNs;

    /// <summary>Looks camera poses up in <paramref name="tf"/> relative to <paramref name="worldFrameId"/>.</summary>
    public TfCameraPoseSource(TransformBuffer tf, string worldFrameId, long toleranceNs)
    {
        ArgumentNullException.ThrowIfNull(tf);
        ArgumentException.ThrowIfNullOrEmpty(worldFrameId);
        ArgumentOutOfRangeException.ThrowIfNegative(toleranceNs);
        _tf = tf;
        _worldFrameId = worldFrameId;
        _toleranceNs = toleranceNs;
    }

    /// <inheritdoc />
    public bool TryGetCameraPose(long stampNs, string cameraFrameId, out Pose3 T_world_cam, out PoseLookupStatus status) =>
        _tf.TryLookup(_worldFrameId, cameraFrameId, stampNs, _toleranceNs, out T_world_cam, out status);
}
