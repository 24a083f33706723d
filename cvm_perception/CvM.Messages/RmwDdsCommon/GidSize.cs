namespace CvM.Messages.RmwDdsCommon;

/// <summary>
/// Length of <c>rmw_dds_common/msg/Gid</c>'s <c>data</c> array, which differs between ROS 2 distributions;
/// the value is the byte count.
/// </summary>
public enum GidSize
{
    /// <summary>Iron, Jazzy and later: <c>char[16] data</c> (the default).</summary>
    Jazzy = 16,

    /// <summary>Humble: <c>char[24] data</c>.</summary>
    Humble = 24,
}
