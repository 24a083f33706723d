using CvM.Messages.Cdr;

namespace CvM.Messages.RmwDdsCommon;

/// <summary>
/// A DDS participant's gid and the ROS nodes it hosts (<c>rmw_dds_common/msg/ParticipantEntitiesInfo</c>),
/// published on the DDS topic <c>ros_discovery_info</c>. The gid layout depends on the distribution:
/// <see cref="IRosMessage{TSelf}"/>'s Read/Write use Jazzy's 16 bytes; pass <see cref="GidSize.Humble"/>
/// to the overloads for Humble. The message owns its arrays.
/// </summary>
public sealed class ParticipantEntitiesInfo : IRosMessage<ParticipantEntitiesInfo>
{
    /// <summary>The participant's gid.</summary>
    public Gid Gid { get; set; } = new();

    /// <summary>The nodes of this participant.</summary>
    public NodeEntitiesInfo[] NodeEntitiesInfoSeq { get; set; } = [];

    /// <inheritdoc />
    public static string RosType => "rmw_dds_common/msg/ParticipantEntitiesInfo";

    /// <summary>Reads with Jazzy (16-byte) gids.</summary>
    public static ParticipantEntitiesInfo Read(ref CdrReader reader) => Read(ref reader, GidSize.Jazzy);

    /// <summary>Reads with gids of the given layout.</summary>
    public static ParticipantEntitiesInfo Read(ref CdrReader reader, GidSize gidSize)
    {
        var gid = Gid.Read(ref reader, gidSize);
        var count = reader.ReadSequenceLength(NodeEntitiesInfo.MinEncodedSize);
        var nodes = new NodeEntitiesInfo[count];
        for (var i = 0; i < count; i++) nodes[i] = NodeEntitiesInfo.Read(ref reader, gidSize);
        return new ParticipantEntitiesInfo { Gid = gid, NodeEntitiesInfoSeq = nodes };
    }

    /// <summary>Decodes a whole payload with gids of the given layout.</summary>
    public static ParticipantEntitiesInfo Deserialize(ReadOnlySpan<byte> payload, GidSize gidSize)
    {
        var reader = new CdrReader(payload);
        return Read(ref reader, gidSize);
    }

    /// <summary>Writes with Jazzy (16-byte) gids.</summary>
    public void Write(ref CdrWriter writer) => Write(ref writer, GidSize.Jazzy);

    /// <summary>Writes with gids of the given layout (every gid must have that length).</summary>
    public void Write(ref CdrWriter writer, GidSize gidSize)
    {
        Gid.Write(ref writer, gidSize);
        writer.WriteSequenceLength(NodeEntitiesInfoSeq.Length);
        foreach (var n in NodeEntitiesInfoSeq) n.Write(ref writer, gidSize);
    }

    /// <summary>Encodes a whole payload with gids of the given layout into a new array owned by the caller.</summary>
    public byte[] SerializeToArray(GidSize gidSize)
    {
        using var buffer = new PooledBufferWriter(256);
        var writer = new CdrWriter(buffer);
        Write(ref writer, gidSize);
        writer.Flush();
        return buffer.WrittenSpan.ToArray();
    }
}
