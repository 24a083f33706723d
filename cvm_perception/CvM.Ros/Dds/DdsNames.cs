namespace CvM.Ros.Dds;

/// <summary>
/// ROS 2 to DDS name mapping used by every ROS 2 DDS middleware: topic <c>/a/b</c> is DDS topic <c>rt/a/b</c>,
/// type <c>pkg/msg/T</c> is DDS type <c>pkg::msg::dds_::T_</c>.
/// </summary>
public static class DdsNames
{
    /// <summary>Prefix of ROS topics in DDS.</summary>
    public const string TopicPrefix = "rt";

    /// <summary><c>/a/b</c> becomes <c>rt/a/b</c>. The ROS name must be fully qualified (start with '/').</summary>
    /// <exception cref="ArgumentException">The name is empty, relative or ends with '/'.</exception>
    public static string ToDdsTopic(string rosTopic)
    {
        ArgumentNullException.ThrowIfNull(rosTopic);
        if (rosTopic.Length < 2 || rosTopic[0] != '/' || rosTopic[^1] == '/' || rosTopic.Contains("//", StringComparison.Ordinal))
            throw new ArgumentException($"'{rosTopic}' is not a fully qualified ROS topic name", nameof(rosTopic));
        return TopicPrefix + rosTopic;
    }

    /// <summary><c>rt/a/b</c> becomes <c>/a/b</c>; null when the DDS topic is not a ROS topic.</summary>
    public static string? FromDdsTopic(string ddsTopic)
    {
        ArgumentNullException.ThrowIfNull(ddsTopic);
        return ddsTopic.StartsWith(TopicPrefix + "/", StringComparison.Ordinal) && ddsTopic.Length > TopicPrefix.Length + 1
            ? ddsTopic[TopicPrefix.Length..]
            : null;
    }

    /// <summary><c>sensor_msgs/msg/Image</c> becomes <c>sensor_msgs::msg::dds_::Image_</c>.</summary>
    /// <exception cref="ArgumentException">The name is not <c>pkg/msg/Type</c> (or <c>srv</c>/<c>action</c>).</exception>
    public static string ToDdsType(string rosType)
    {
        ArgumentNullException.ThrowIfNull(rosType);
        var parts = rosType.Split('/');
        if (parts.Length != 3 || parts.Any(p => p.Length == 0) || parts[1] is not ("msg" or "srv" or "action"))
            throw new ArgumentException($"'{rosType}' is not a ROS type name of the form pkg/msg/Type", nameof(rosType));
        return $"{parts[0]}::{parts[1]}::dds_::{parts[2]}_";
    }

    /// <summary><c>sensor_msgs::msg::dds_::Image_</c> becomes <c>sensor_msgs/msg/Image</c>; null when not ROS-shaped.</summary>
    public static string? FromDdsType(string ddsType)
    {
        ArgumentNullException.ThrowIfNull(ddsType);
        var parts = ddsType.Split("::");
        if (parts.Length != 4 || parts[2] != "dds_" || !parts[3].EndsWith('_') || parts[3].Length < 2 || parts[0].Length == 0)
            return null;
        return $"{parts[0]}/{parts[1]}/{parts[3][..^1]}";
    }
}
