using CvM.Messages.Cdr;

namespace CvM.Messages;

/// <summary>
/// A ROS 2 message type with an XCDR1 codec. <typeparamref name="TSelf"/> is the implementing type.
/// </summary>
public interface IRosMessage<TSelf> where TSelf : IRosMessage<TSelf>
{
    /// <summary>The ROS type name, e.g. <c>sensor_msgs/msg/Image</c>.</summary>
    static abstract string RosType { get; }

    /// <summary>Reads one message at the reader's position (the encapsulation header already consumed).</summary>
    /// <exception cref="CdrException">The bytes do not hold a valid message.</exception>
    static abstract TSelf Read(ref CdrReader reader);

    /// <summary>Writes this message at the writer's position.</summary>
    /// <exception cref="CdrException">A field breaks the message's rules (e.g. a fixed array of the wrong length).</exception>
    void Write(ref CdrWriter writer);
}
