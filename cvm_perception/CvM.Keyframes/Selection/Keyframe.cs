using CvM.Geometry;

namespace CvM.Keyframes.Selection;

/// <summary>
/// One keyframe of a <see cref="KeyframeBuffer{TPayload}"/>: its id (increasing with every insertion, never reused),
/// stamp, camera-to-world pose and payload (the cached per-view features). The buffer owns the payload while the
/// keyframe is in it; see <see cref="KeyframeBuffer{TPayload}"/> for when it is released.
/// </summary>
public readonly record struct Keyframe<TPayload>(long Id, long StampNs, Pose3 T_world_cam, TPayload Payload);
