using CvM.Messages.Cdr;

namespace CvM.Messages.RmwDdsCommon;

/// <summary>
/// One ROS node and the gids of its readers and writers (<c>rmw_dds_common/msg/NodeEntitiesInfo</c>).
/// Name and namespace are bounded to <see cref="NameBound"/> bytes. The message owns its arrays.
/// </summary>
public sealed class NodeEntitiesInfo : IRosMessage<NodeEntitiesInfo>
{
    /// <summary>Bound of <see cref="NodeNamespace"/> and <see cref="NodeName"/> (<c>string&lt;=256</c>).</summary>
    public const int NameBound = 256;

    /// <summary>Smallest encoded size (two empty strings, two empty sequences), for sequence length checks.</summary>
    internal const int MinEncodedSize = 16;

    /// <summary>The node's namespace (absolute, e.g. "/").</summary>
    public string NodeNamespace { get; set; } = string.Empty;

    /// <summary>The node's name without namespace.</summary>
    public string NodeName { get; set; } = string.Empty;

    /// <summary>Gids of the node's readers (subscriptions, service servers' request readers, ...).</summary>
    public Gid[] ReaderGidSeq { get; set; } = [];

    /// <summary>Gids of the node's writers.</summary>
    public Gid[] WriterGidSeq { get; set; } = [];

    /// <inheritdoc />
    public static string RosType => "rmw_dds_common/msg/NodeEntitiesInfo";

    /// <summary>Reads with Jazzy (16-byte) gids.</summary>
    public static NodeEntitiesInfo Read(ref CdrReader reader) => Read(ref reader, GidSize.Jazzy);

    /// <summary>Reads with gids of the given layout.</summary>
    public static NodeEntitiesInfo Read(ref CdrReader reader, GidSize gidSize) => new()
    {
        NodeNamespace = reader.ReadString(NameBound),
        NodeName = reader.ReadString(NameBound),
        ReaderGidSeq = ReadGids(ref reader, gidSize),
        WriterGidSeq = ReadGids(ref reader, gidSize),
    };

    /// <summary>Writes with Jazzy (16-byte) gids.</summary>
    public void Write(ref CdrWriter writer) => Write(ref writer, GidSize.Jazzy);

    /// <summary>Writes with gids of the given layout (every gid must have that length).</summary>
    public void Write(ref CdrWriter writer, GidSize gidSize)
    {
        writer.WriteString(NodeNamespace, NameBound);
        writer.WriteString(NodeName, NameBound);
        WriteGids(ref writer, ReaderGidSeq, gidSize);
        WriteGids(ref writer, WriterGidSeq, gidSize);
    }

    internal static Gid[] ReadGids(ref CdrReader reader, GidSize gidSize)
    {
        var count = reader.ReadSequenceLength((int)gidSize);
        var gids = new Gid[count];
        for (var i = 0; i < count; i++) gids[i] = Gid.Read(ref reader, gidSize);
        return gids;
    }

    internal static void WriteGids(ref CdrWriter writer, Gid[] gids, GidSize gidSize)
    {
        writer.WriteSequenceLength(gids.Length);
        foreach (var g in gids) g.Write(ref writer, gidSize);
    }
}
