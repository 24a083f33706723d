using CvM.Messages.Cdr;

namespace CvM.Messages.GeometryMsgs;

/// <summary>A pose: position and orientation (<c>geometry_msgs/msg/Pose</c>). A value type; owns nothing.</summary>
public readonly record struct Pose(Point Position, Quaternion Orientation) : IRosMessage<Pose>
{
    /// <inheritdoc />
    public static string RosType => "geometry_msgs/msg/Pose";

    /// <inheritdoc />
    public static Pose Read(ref CdrReader reader) => new(Point.Read(ref reader), Quaternion.Read(ref reader));

    /// <inheritdoc />
    public void Write(ref CdrWriter writer)
    {
        Position.Write(ref writer);
        Orientation.Write(ref writer);
    }
}
