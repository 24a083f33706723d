namespace CvM.Keyframes.Pairing;

/// <summary>
/// What pairing needs of a sensor_msgs/Image: header stamp (nanoseconds since the epoch), header frame_id (the
/// camera's optical frame) and size. Filled by the node's adapter; the pixels stay with the caller.
/// </summary>
public readonly record struct ImageInput(long StampNs, string FrameId, int Width, int Height);
