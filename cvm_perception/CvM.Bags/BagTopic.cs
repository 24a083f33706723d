namespace CvM.Bags;

/// <summary>A topic of a bag (rosbag2 <c>topic_metadata</c>).</summary>
/// <param name="Name">Topic name, e.g. <c>/camera/color/image_raw</c>.</param>
/// <param name="Type">ROS type, e.g. <c>sensor_msgs/msg/Image</c>.</param>
/// <param name="SerializationFormat">Normally <c>cdr</c>.</param>
/// <param name="OfferedQosProfiles">The offered QoS profiles of the recorded publishers (may be empty).</param>
/// <param name="TypeDescriptionHash">RIHS01 hash of the type (Iron and later), or empty.</param>
/// <param name="Definition">The stored message definition, or null when the storage has none.</param>
public sealed record BagTopic(
    string Name,
    string Type,
    string SerializationFormat,
    IReadOnlyList<BagQosProfile> OfferedQosProfiles,
    string TypeDescriptionHash = "",
    BagMessageDefinition? Definition = null);
