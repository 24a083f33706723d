using CvM.Messages.RmwDdsCommon;
using CvM.Ros.Graph;

namespace CvM.Ros.Tests.Graph;

public sealed class ParticipantGraphTests
{
    private static readonly byte[] ParticipantGuid = Enumerable.Range(1, 16).Select(i => (byte)i).ToArray();
    private static readonly byte[] ReaderGuid = Enumerable.Range(0x21, 16).Select(i => (byte)i).ToArray();
    private static readonly byte[] WriterGuid = Enumerable.Range(0x41, 16).Select(i => (byte)i).ToArray();
    private static readonly GraphNodeId Node = new("/", "n");

    [Fact]
    public void Snapshot_OneNodeJazzy_EncodesToHandWrittenCdr()
    {
        var graph = NewGraph(GidSize.Jazzy);
        var bytes = graph.Snapshot(out _).SerializeToArray(GidSize.Jazzy);
        Assert.Equal(ExpectedCdr(16), bytes);
    }

    [Fact]
    public void Snapshot_OneNodeHumble_EncodesToHandWrittenCdrWithZeroPaddedGids()
    {
        var graph = NewGraph(GidSize.Humble);
        var bytes = graph.Snapshot(out _).SerializeToArray(GidSize.Humble);
        Assert.Equal(ExpectedCdr(24), bytes);
    }

    [Fact]
    public void Version_AddAndRemoveEndpoints_CountsEveryChangeOnly()
    {
        var graph = new ParticipantGraph(ParticipantGuid, GidSize.Jazzy);
        Assert.Equal(0, graph.Version);
        graph.AddNode(Node);
        graph.AddWriter(Node, WriterGuid);
        graph.AddWriter(Node, WriterGuid); // already present: no change
        Assert.Equal(2, graph.Version);
        Assert.True(graph.RemoveWriter(Node, WriterGuid));
        Assert.False(graph.RemoveWriter(Node, WriterGuid));
        Assert.Equal(3, graph.Version);
        var info = graph.Snapshot(out var version);
        Assert.Equal(3, version);
        Assert.Empty(info.NodeEntitiesInfoSeq[0].WriterGidSeq);
        Assert.True(graph.RemoveNode(Node));
        Assert.Empty(graph.Snapshot(out _).NodeEntitiesInfoSeq);
    }

    [Fact]
    public void AddNode_Twice_ThrowsArgumentException()
    {
        var graph = new ParticipantGraph(ParticipantGuid, GidSize.Jazzy);
        graph.AddNode(Node);
        Assert.Throws<ArgumentException>(() => graph.AddNode(Node));
    }

    [Fact]
    public void AddReader_UnknownNodeOrShortGuid_ThrowsArgumentException()
    {
        var graph = new ParticipantGraph(ParticipantGuid, GidSize.Jazzy);
        Assert.Throws<ArgumentException>(() => graph.AddReader(Node, ReaderGuid));
        graph.AddNode(Node);
        Assert.Throws<ArgumentException>(() => graph.AddReader(Node, ReaderGuid.AsSpan(0, 12)));
    }

    [Fact]
    public void AddNode_NameOver256Bytes_ThrowsArgumentException()
    {
        var graph = new ParticipantGraph(ParticipantGuid, GidSize.Jazzy);
        Assert.Throws<ArgumentException>(() => graph.AddNode(new GraphNodeId("/", new string('a', 257))));
        Assert.Throws<ArgumentException>(() => graph.AddNode(new GraphNodeId("", "x")));
    }

    [Fact]
    public void ToGid_Humble_IsGuidThenEightZeros()
    {
        var gid = ParticipantGraph.ToGid(ReaderGuid, GidSize.Humble);
        Assert.Equal(ReaderGuid.Concat(new byte[8]), gid.Data);
    }

    private static ParticipantGraph NewGraph(GidSize size)
    {
        var graph = new ParticipantGraph(ParticipantGuid, size);
        graph.AddNode(Node);
        graph.AddReader(Node, ReaderGuid);
        graph.AddWriter(Node, WriterGuid);
        return graph;
    }

    // XCDR1 little endian, written out field by field from rmw_dds_common's .msg definitions.
    private static byte[] ExpectedCdr(int gidBytes)
    {
        var b = new List<byte> { 0, 1, 0, 0 };
        void Gid(byte[] guid) => b.AddRange(guid.Concat(new byte[gidBytes - 16]));
        void U32(uint v) => b.AddRange(BitConverter.GetBytes(v));
        void Align4()
        {
            while ((b.Count - 4) % 4 != 0) b.Add(0);
        }
        Gid(ParticipantGuid);
        Align4(); U32(1);                 // node_entities_info_seq length
        Align4(); U32(2); b.AddRange("/\0"u8.ToArray()); // node_namespace
        Align4(); U32(2); b.AddRange("n\0"u8.ToArray()); // node_name
        Align4(); U32(1); Gid(ReaderGuid); // reader_gid_seq
        Align4(); U32(1); Gid(WriterGuid); // writer_gid_seq
        return b.ToArray();
    }
}
