using CvM.Messages.RmwDdsCommon;

namespace CvM.Ros.Graph;

/// <summary>
/// What one DDS participant announces on <c>ros_discovery_info</c>: its own gid and, per ROS node it hosts,
/// the gids of the node's readers and writers (the DDS GUIDs of the endpoints, 16 bytes; zero padded to 24
/// for Humble). Pure bookkeeping, thread-safe; <see cref="Version"/> counts changes so a publisher knows
/// when to republish. <see cref="Snapshot"/> returns a message the caller owns.
/// </summary>
public sealed class ParticipantGraph
{
    /// <summary>Length of a DDS GUID (12-byte prefix + 4-byte entity id).</summary>
    public const int GuidLength = 16;

    private readonly object _gate = new();
    private readonly byte[] _participantGuid;
    private readonly List<(GraphNodeId Id, List<byte[]> Readers, List<byte[]> Writers)> _nodes = [];
    private long _version;

    /// <summary>Creates the graph of the participant with GUID <paramref name="participantGuid"/> (16 bytes).</summary>
    /// <exception cref="ArgumentException">The GUID is not 16 bytes or the gid size is not 16 or 24.</exception>
    public ParticipantGraph(ReadOnlySpan<byte> participantGuid, GidSize gidSize)
    {
        _participantGuid = CheckGuid(participantGuid, nameof(participantGuid));
        if (gidSize is not (GidSize.Jazzy or GidSize.Humble))
            throw new ArgumentException($"gid size must be 16 or 24, not {(int)gidSize}", nameof(gidSize));
        GidSize = gidSize;
    }

    /// <summary>Gid layout of the announcements.</summary>
    public GidSize GidSize { get; }

    /// <summary>Increases by one on every change of nodes or endpoints.</summary>
    public long Version => Interlocked.Read(ref _version);

    /// <summary>The nodes, in the order they were added.</summary>
    public IReadOnlyList<GraphNodeId> Nodes
    {
        get
        {
            lock (_gate) return _nodes.Select(n => n.Id).ToArray();
        }
    }

    /// <summary>Adds a node without endpoints.</summary>
    /// <exception cref="ArgumentException">The node is already present, or its name or namespace is empty or longer than 256 bytes.</exception>
    public void AddNode(GraphNodeId node)
    {
        CheckName(node.Namespace, "namespace");
        CheckName(node.Name, "name");
        lock (_gate)
        {
            if (IndexOf(node) >= 0) throw new ArgumentException($"node {node} is already in the graph", nameof(node));
            _nodes.Add((node, [], []));
            _version++;
        }
    }

    /// <summary>Removes a node and its endpoints; false when it was not present.</summary>
    public bool RemoveNode(GraphNodeId node)
    {
        lock (_gate)
        {
            var i = IndexOf(node);
            if (i < 0) return false;
            _nodes.RemoveAt(i);
            _version++;
            return true;
        }
    }

    /// <summary>Adds a reader GUID to <paramref name="node"/>.</summary>
    /// <exception cref="ArgumentException">The node is unknown or the GUID is not 16 bytes.</exception>
    public void AddReader(GraphNodeId node, ReadOnlySpan<byte> readerGuid) => AddEndpoint(node, readerGuid, writer: false);

    /// <summary>Adds a writer GUID to <paramref name="node"/>.</summary>
    /// <exception cref="ArgumentException">The node is unknown or the GUID is not 16 bytes.</exception>
    public void AddWriter(GraphNodeId node, ReadOnlySpan<byte> writerGuid) => AddEndpoint(node, writerGuid, writer: true);

    /// <summary>Removes a reader GUID; false when the node or the GUID was not present.</summary>
    public bool RemoveReader(GraphNodeId node, ReadOnlySpan<byte> readerGuid) => RemoveEndpoint(node, readerGuid, writer: false);

    /// <summary>Removes a writer GUID; false when the node or the GUID was not present.</summary>
    public bool RemoveWriter(GraphNodeId node, ReadOnlySpan<byte> writerGuid) => RemoveEndpoint(node, writerGuid, writer: true);

    /// <summary>The current announcement (a new message owned by the caller) and the version it reflects.</summary>
    public ParticipantEntitiesInfo Snapshot(out long version)
    {
        lock (_gate)
        {
            version = _version;
            return new ParticipantEntitiesInfo
            {
                Gid = ToGid(_participantGuid, GidSize),
                NodeEntitiesInfoSeq = _nodes.Select(n => new NodeEntitiesInfo
                {
                    NodeNamespace = n.Id.Namespace,
                    NodeName = n.Id.Name,
                    ReaderGidSeq = n.Readers.Select(g => ToGid(g, GidSize)).ToArray(),
                    WriterGidSeq = n.Writers.Select(g => ToGid(g, GidSize)).ToArray(),
                }).ToArray(),
            };
        }
    }

    /// <summary>The gid of a 16-byte GUID: the GUID itself (16) or the GUID followed by 8 zero bytes (24).</summary>
    /// <exception cref="ArgumentException">The GUID is not 16 bytes.</exception>
    public static Gid ToGid(ReadOnlySpan<byte> guid, GidSize gidSize)
    {
        CheckGuid(guid, nameof(guid));
        var data = new byte[(int)gidSize];
        guid.CopyTo(data);
        return new Gid(data);
    }

    private void AddEndpoint(GraphNodeId node, ReadOnlySpan<byte> guid, bool writer)
    {
        var copy = CheckGuid(guid, nameof(guid));
        lock (_gate)
        {
            var i = IndexOf(node);
            if (i < 0) throw new ArgumentException($"node {node} is not in the graph", nameof(node));
            var list = writer ? _nodes[i].Writers : _nodes[i].Readers;
            if (list.Any(g => g.AsSpan().SequenceEqual(copy))) return;
            list.Add(copy);
            _version++;
        }
    }

    private bool RemoveEndpoint(GraphNodeId node, ReadOnlySpan<byte> guid, bool writer)
    {
        lock (_gate)
        {
            var i = IndexOf(node);
            if (i < 0) return false;
            var list = writer ? _nodes[i].Writers : _nodes[i].Readers;
            for (var k = 0; k < list.Count; k++)
            {
                if (!list[k].AsSpan().SequenceEqual(guid)) continue;
                list.RemoveAt(k);
                _version++;
                return true;
            }
            return false;
        }
    }

    private int IndexOf(GraphNodeId node) => _nodes.FindIndex(n => n.Id == node);

    private static byte[] CheckGuid(ReadOnlySpan<byte> guid, string paramName) =>
        guid.Length == GuidLength
            ? guid.ToArray()
            : throw new ArgumentException($"a DDS GUID has {GuidLength} bytes, not {guid.Length}", paramName);

    private static void CheckName(string? value, string what)
    {
        if (string.IsNullOrEmpty(value)) throw new ArgumentException($"node {what} must not be empty");
        if (System.Text.Encoding.UTF8.GetByteCount(value) > NodeEntitiesInfo.NameBound)
            throw new ArgumentException($"node {what} '{value}' is longer than {NodeEntitiesInfo.NameBound} bytes");
    }
}
