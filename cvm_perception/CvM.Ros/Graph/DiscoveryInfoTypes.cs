using CvM.Messages.Definitions;
using CvM.Messages.RmwDdsCommon;
using CvM.Ros.Dds;
using CvM.Ros.Dds.Types;

namespace CvM.Ros.Graph;

/// <summary>
/// The DDS type of <c>ros_discovery_info</c> (<c>rmw_dds_common::msg::dds_::ParticipantEntitiesInfo_</c>) for
/// each Gid layout, written out from rmw_dds_common's definitions: <c>Gid_ { octet data[16 or 24]; }</c>,
/// <c>NodeEntitiesInfo_ { string&lt;256&gt; node_namespace; string&lt;256&gt; node_name; sequence&lt;Gid_&gt;
/// reader_gid_seq; sequence&lt;Gid_&gt; writer_gid_seq; }</c>, <c>ParticipantEntitiesInfo_ { Gid_ gid;
/// sequence&lt;NodeEntitiesInfo_&gt; node_entities_info_seq; }</c>.
/// </summary>
internal static class DiscoveryInfoTypes
{
    public const string RosType = "rmw_dds_common/msg/ParticipantEntitiesInfo";

    /// <summary>The struct model for a Gid layout.</summary>
    public static DdsStructType StructFor(GidSize gidSize)
    {
        var gid = new DdsStructType("rmw_dds_common::msg::dds_::Gid_",
            [new DdsField("data", DdsPrimitive.Octet, DdsCollection.Array, Length: (int)gidSize)]);
        var node = new DdsStructType("rmw_dds_common::msg::dds_::NodeEntitiesInfo_",
        [
            new DdsField("node_namespace", DdsPrimitive.String, StringBound: NodeEntitiesInfo.NameBound),
            new DdsField("node_name", DdsPrimitive.String, StringBound: NodeEntitiesInfo.NameBound),
            new DdsField("reader_gid_seq", DdsPrimitive.Struct, DdsCollection.Sequence, Nested: gid),
            new DdsField("writer_gid_seq", DdsPrimitive.Struct, DdsCollection.Sequence, Nested: gid),
        ]);
        return new DdsStructType("rmw_dds_common::msg::dds_::ParticipantEntitiesInfo_",
        [
            new DdsField("gid", DdsPrimitive.Struct, Nested: gid),
            new DdsField("node_entities_info_seq", DdsPrimitive.Struct, DdsCollection.Sequence, Nested: node),
        ]);
    }

    /// <summary>
    /// The type support for a Gid layout. Iron and later announce the REP 2011 type hash of the embedded
    /// definition in endpoint USER_DATA; Humble has no type hashes, so none is sent for the 24-byte layout.
    /// </summary>
    public static DdsTypeSupport SupportFor(GidSize gidSize)
    {
        var hash = gidSize == GidSize.Jazzy ? MessageDefinitions.Get(RosType, gidSize).Rihs01 : null;
        return DdsTypeSupport.GetOrCreate(RosType, StructFor(gidSize), hash);
    }
}
