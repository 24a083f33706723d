using CvM.Messages.Cdr;

namespace CvM.Messages.SensorMsgs;

/// <summary>A region of interest within an image (<c>sensor_msgs/msg/RegionOfInterest</c>). A value type.</summary>
public readonly record struct RegionOfInterest(uint XOffset, uint YOffset, uint Height, uint Width, bool DoRectify)
    : IRosMessage<RegionOfInterest>
{
    /// <inheritdoc />
    public static string RosType => "sensor_msgs/msg/RegionOfInterest";

    /// <inheritdoc />
    public static RegionOfInterest Read(ref CdrReader reader) =>
        new(reader.ReadUInt32(), reader.ReadUInt32(), reader.ReadUInt32(), reader.ReadUInt32(), reader.ReadBool());

    /// <inheritdoc />
    public void Write(ref CdrWriter writer)
    {
        writer.WriteUInt32(XOffset);
        writer.WriteUInt32(YOffset);
        writer.WriteUInt32(Height);
        writer.WriteUInt32(Width);
        writer.WriteBool(DoRectify);
    }
}
