using CvM.Messages.Definitions;
using CvM.Messages.RmwDdsCommon;
using CvM.Ros.Dds;

namespace CvM.Ros.Graph;

/// <summary>
/// The DDS type of <c>ros_discovery_info</c> (<c>rmw_dds_common::msg::dds_::ParticipantEntitiesInfo_</c>) for each
/// Gid layout, built by the Dds layer from the embedded rmw_dds_common definitions of that layout (Gid of 16 bytes
/// from Iron on, 24 bytes up to Humble).
/// </summary>
internal static class DiscoveryInfoTypes
{
    public const string RosType = "rmw_dds_common/msg/ParticipantEntitiesInfo";

    /// <summary>
    /// The type support for a Gid layout. Iron and later announce the REP 2011 type hash of the definition in
    /// endpoint USER_DATA; Humble has no type hashes, so none is sent for the 24-byte layout.
    /// </summary>
    public static DdsTypeSupport SupportFor(GidSize gidSize) =>
        DdsTypeSupport.ForSchema(MessageDefinitions.Get(RosType, gidSize), t => MessageDefinitions.Get(t, gidSize),
            withTypeHash: gidSize == GidSize.Jazzy);
}
