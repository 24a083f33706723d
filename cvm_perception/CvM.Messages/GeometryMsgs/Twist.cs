using CvM.Messages.Cdr;

namespace CvM.Messages.GeometryMsgs;

/// <summary>Velocity: linear and angular parts (<c>geometry_msgs/msg/Twist</c>). A value type; owns nothing.</summary>
public readonly record struct Twist(Vector3 Linear, Vector3 Angular) : IRosMessage<Twist>
{
    /// <inheritdoc />
    public static string RosType => "geometry_msgs/msg/Twist";

    /// <inheritdoc />
    public static Twist Read(ref CdrReader reader) => new(Vector3.Read(ref reader), Vector3.Read(ref reader));

    /// <inheritdoc />
    public void Write(ref CdrWriter writer)
    {
        Linear.Write(ref writer);
        Angular.Write(ref writer);
    }
}
