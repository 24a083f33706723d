using CvM.Messages.Cdr;

namespace CvM.Messages.GeometryMsgs;

/// <summary>A position in free space (<c>geometry_msgs/msg/Point</c>). A value type; owns nothing.</summary>
public readonly record struct Point(double X, double Y, double Z) : IRosMessage<Point>
{
    /// <inheritdoc />
    public static string RosType => "geometry_msgs/msg/Point";

    /// <inheritdoc />
    public static Point Read(ref CdrReader reader) => new(reader.ReadDouble(), reader.ReadDouble(), reader.ReadDouble());

    /// <inheritdoc />
    public void Write(ref CdrWriter writer)
    {
        writer.WriteDouble(X);
        writer.WriteDouble(Y);
        writer.WriteDouble(Z);
    }
}
