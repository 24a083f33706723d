namespace CvM.Bags;

/// <summary>A message type's definition as stored in a bag (MCAP schema or sqlite3 <c>message_definitions</c> row).</summary>
/// <param name="TypeName">ROS type, e.g. <c>sensor_msgs/msg/Image</c>.</param>
/// <param name="Encoding"><c>ros2msg</c> (supported) or another encoding such as <c>ros2idl</c>.</param>
/// <param name="Text">The definition text, with dependencies separated by <c>=====</c> lines and <c>MSG: pkg/Type</c>.</param>
public sealed record BagMessageDefinition(string TypeName, string Encoding, string Text)
{
    /// <summary>The schema encoding this project decodes.</summary>
    public const string Ros2Msg = "ros2msg";
}
