using CvM.Messages.Cdr;
using CvM.Messages.StdMsgs;

namespace CvM.Messages.GeometryMsgs;

/// <summary>
/// A transform from <c>Header.FrameId</c> to <see cref="ChildFrameId"/> at <c>Header.Stamp</c>
/// (<c>geometry_msgs/msg/TransformStamped</c>): it maps points in the child frame into the header frame,
/// i.e. it is <c>T_header_child</c>.
/// </summary>
public sealed class TransformStamped : IRosMessage<TransformStamped>
{
    /// <summary>Smallest encoded size (stamp, two empty strings, 7 doubles), for sequence length checks.</summary>
    internal const int MinEncodedSize = 8 + 4 + 4 + 7 * 8;

    /// <summary>Stamp and parent frame.</summary>
    public Header Header { get; set; }

    /// <summary>The child frame.</summary>
    public string ChildFrameId { get; set; } = string.Empty;

    /// <summary><c>T_parent_child</c>.</summary>
    public Transform Transform { get; set; } = new(default, Quaternion.Identity);

    /// <inheritdoc />
    public static string RosType => "geometry_msgs/msg/TransformStamped";

    /// <inheritdoc />
    public static TransformStamped Read(ref CdrReader reader) => new()
    {
        Header = Header.Read(ref reader),
        ChildFrameId = reader.ReadStringInterned(),
        Transform = Transform.Read(ref reader),
    };

    /// <inheritdoc />
    public void Write(ref CdrWriter writer)
    {
        Header.Write(ref writer);
        writer.WriteString(ChildFrameId);
        Transform.Write(ref writer);
    }
}
