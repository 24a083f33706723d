namespace CvM.Messages.Definitions;

/// <summary>
/// A message definition parsed from its ROS 2 <c>.msg</c> text, with the names and hash ROS's tooling
/// derives from it. Immutable; shared by every caller of <see cref="MessageDefinitions"/>.
/// </summary>
public sealed class MessageSchema
{
    internal MessageSchema(string package, string name, string text, IReadOnlyList<FieldSchema> fields,
        IReadOnlyList<ConstantSchema> constants)
    {
        Package = package;
        Name = name;
        Text = text;
        Fields = fields;
        Constants = constants;
    }

    /// <summary>Full ROS type, e.g. <c>sensor_msgs/msg/Image</c>.</summary>
    public string RosType => $"{Package}/msg/{Name}";

    /// <summary>Package, e.g. <c>sensor_msgs</c>.</summary>
    public string Package { get; }

    /// <summary>Type name, e.g. <c>Image</c>.</summary>
    public string Name { get; }

    /// <summary>Serialized fields in wire order (constants excluded).</summary>
    public IReadOnlyList<FieldSchema> Fields { get; }

    /// <summary>Constants declared in the definition.</summary>
    public IReadOnlyList<ConstantSchema> Constants { get; }

    /// <summary>The type's own <c>.msg</c> text as ROS 2 ships it (comments included).</summary>
    public string Text { get; }

    /// <summary>
    /// The <c>ros2msg</c> schema text with all dependencies, exactly as rosbag2's MCAP writer stores it: the
    /// own text, then for each dependency (depth first, each dependency's direct dependencies in sorted
    /// order, each type once) a newline, a line of 80 <c>=</c>, <c>MSG: pkg/Type</c> and its text.
    /// </summary>
    public string FullText { get; internal set; } = string.Empty;

    /// <summary>DDS type name, e.g. <c>sensor_msgs::msg::dds_::Image_</c>.</summary>
    public string DdsTypeName => $"{Package}::msg::dds_::{Name}_";

    /// <summary>REP 2011 type hash, <c>RIHS01_</c> and 64 lowercase hex digits.</summary>
    public string Rihs01 { get; internal set; } = string.Empty;

    /// <summary>Every message type this one references, directly or not (full names, sorted).</summary>
    public IReadOnlyList<string> Dependencies { get; internal set; } = [];

    /// <inheritdoc />
    public override string ToString() => RosType;
}
