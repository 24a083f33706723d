using CvM.Messages.Cdr;

namespace CvM.Messages.GeometryMsgs;

/// <summary>A transform between two frames: translation and rotation (<c>geometry_msgs/msg/Transform</c>). A value type; owns nothing.</summary>
public readonly record struct Transform(Vector3 Translation, Quaternion Rotation) : IRosMessage<Transform>
{
    /// <inheritdoc />
    public static string RosType => "geometry_msgs/msg/Transform";

    /// <inheritdoc />
    public static Transform Read(ref CdrReader reader) => new(Vector3.Read(ref reader), Quaternion.Read(ref reader));

    /// <inheritdoc />
    public void Write(ref CdrWriter writer)
    {
        Translation.Write(ref writer);
        Rotation.Write(ref writer);
    }
}
