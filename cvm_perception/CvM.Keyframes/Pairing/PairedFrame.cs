using CvM.Geometry;
using CvM.Keyframes.Poses;

namespace CvM.Keyframes.Pairing;

/// <summary>
/// An image paired with its intrinsics and camera pose. <see cref="K"/> is shared and immutable (the pairer keeps
/// one instance per distinct camera_info, so pairing allocates nothing); it is null when the image was dropped.
/// </summary>
/// <param name="StampNs">the image's stamp.</param>
/// <param name="Outcome">paired, no pose (duplication mode) or dropped.</param>
/// <param name="K">the image's intrinsics, at the image's resolution.</param>
/// <param name="CameraInfo">which camera_info gave <see cref="K"/>.</param>
/// <param name="PoseStatus">why there is no pose (Ok when there is one).</param>
/// <param name="T_world_cam">camera-to-world pose at the stamp (identity without a pose).</param>
public readonly record struct PairedFrame(long StampNs, PairingOutcome Outcome, Intrinsics? K, CameraInfoMatch CameraInfo,
    PoseLookupStatus PoseStatus, Pose3 T_world_cam)
{
    /// <summary>True when the frame has intrinsics and a pose (multi-view eligible).</summary>
    public bool HasPose => Outcome == PairingOutcome.Paired;

    /// <summary>True when the frame goes on to inference (with or without a pose).</summary>
    public bool IsUsable => Outcome is PairingOutcome.Paired or PairingOutcome.NoPose;
}
