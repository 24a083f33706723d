using CvM.Messages.StdMsgs;

namespace CvM.Messages.SensorMsgs;

/// <summary>
/// Everything of a <c>sensor_msgs/msg/Image</c> but its pixel bytes, for decoding pixels into pooled or
/// caller buffers. A value type; strings are immutable (and cached by the decoder).
/// </summary>
/// <param name="Header">Acquisition stamp and optical frame.</param>
/// <param name="Height">Rows.</param>
/// <param name="Width">Columns.</param>
/// <param name="Encoding">Pixel encoding (REP 118 / image_encodings), e.g. "rgb8", "32FC1".</param>
/// <param name="IsBigendian">1 when multi-byte pixels are big endian.</param>
/// <param name="Step">Row length in bytes.</param>
public readonly record struct ImageMetadata(Header Header, uint Height, uint Width, string Encoding, byte IsBigendian, uint Step)
{
    /// <summary>The pixel byte count the codec requires: <c>Step * Height</c>.</summary>
    public long DataLength => (long)Step * Height;
}
