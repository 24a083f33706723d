using CvM.Geometry;

namespace CvM.Keyframes.Poses;

/// <summary>
/// Gives the camera-to-world pose T_world_cam (camera optical frame) at an image's stamp. Implementations read
/// buffers owned by the pairing stage; they are not thread-safe and allocate nothing per call.
/// </summary>
public interface ICameraPoseSource
{
    /// <summary>
    /// T_world_cam at <paramref name="stampNs"/> for the camera whose optical frame is <paramref name="cameraFrameId"/>
    /// (the image header's frame_id); false with a typed <paramref name="status"/> when there is none inside the tolerance.
    /// </summary>
    bool TryGetCameraPose(long stampNs, string cameraFrameId, out Pose3 T_world_cam, out PoseLookupStatus status);
}
