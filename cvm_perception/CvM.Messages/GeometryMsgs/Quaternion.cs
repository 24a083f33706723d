using CvM.Messages.Cdr;

namespace CvM.Messages.GeometryMsgs;

/// <summary>
/// An orientation as a quaternion (<c>geometry_msgs/msg/Quaternion</c>). A value type; owns nothing.
/// Note: <c>default</c> is all zeros; ROS's default is <see cref="Identity"/> (w = 1).
/// </summary>
public readonly record struct Quaternion(double X, double Y, double Z, double W) : IRosMessage<Quaternion>
{
    /// <summary>The identity rotation (0, 0, 0, 1), ROS's default value.</summary>
    public static Quaternion Identity => new(0, 0, 0, 1);

    /// <inheritdoc />
    public static string RosType => "geometry_msgs/msg/Quaternion";

    /// <inheritdoc />
    public static Quaternion Read(ref CdrReader reader) =>
        new(reader.ReadDouble(), reader.ReadDouble(), reader.ReadDouble(), reader.ReadDouble());

    /// <inheritdoc />
    public void Write(ref CdrWriter writer)
    {
        writer.WriteDouble(X);
        writer.WriteDouble(Y);
        writer.WriteDouble(Z);
        writer.WriteDouble(W);
    }
}
