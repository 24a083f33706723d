using CvM.Messages.Cdr;

namespace CvM.Messages.GeometryMsgs;

/// <summary>A vector in free space (<c>geometry_msgs/msg/Vector3</c>). A value type; owns nothing.</summary>
public readonly record struct Vector3(double X, double Y, double Z) : IRosMessage<Vector3>
{
    /// <inheritdoc />
    public static string RosType => "geometry_msgs/msg/Vector3";

    /// <inheritdoc />
    public static Vector3 Read(ref CdrReader reader) => new(reader.ReadDouble(), reader.ReadDouble(), reader.ReadDouble());

    /// <inheritdoc />
    public void Write(ref CdrWriter writer)
    {
        writer.WriteDouble(X);
        writer.WriteDouble(Y);
        writer.WriteDouble(Z);
    }
}
