namespace CvM.Ros.Dds;

/// <summary>
/// An endpoint created by a <see cref="DdsParticipant"/>: its kind, DDS topic (<c>rt/...</c> for ROS topics) and
/// ROS topic (null when the DDS topic is not a ROS topic, e.g. <c>ros_discovery_info</c>), types and GUID.
/// </summary>
public sealed record EndpointInfo(EndpointKind Kind, string DdsTopic, string? RosTopic, string RosType, string DdsType, DdsGuid Guid);
