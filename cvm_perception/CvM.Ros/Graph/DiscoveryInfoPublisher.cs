using CvM.Messages.Cdr;
using CvM.Ros.Dds;
using CvM.Ros.Qos;

namespace CvM.Ros.Graph;

/// <summary>
/// The ROS 2 graph announcement of one participant: a writer on the DDS topic <c>ros_discovery_info</c>
/// (type <c>rmw_dds_common::msg::dds_::ParticipantEntitiesInfo_</c>, reliable, transient local, keep last 1)
/// that publishes <see cref="Graph"/> (the participant gid and its nodes' reader and writer gids) whenever it
/// changes. Endpoints disposed on the participant leave the graph by themselves (the participant's endpoint
/// event); endpoints are added by <see cref="RosNode"/>, which knows their node. Owns its writer and encode
/// buffer, not the participant. Thread-safe.
/// </summary>
public sealed class DiscoveryInfoPublisher : IDisposable
{
    /// <summary>The DDS topic name (no <c>rt/</c> prefix).</summary>
    public const string TopicName = "ros_discovery_info";

    private readonly Lock _gate = new();
    private readonly DdsParticipant _participant;
    private readonly DdsWriter _writer;
    private readonly PooledBufferWriter _buffer = new(1024);
    private long _publishedVersion = -1;
    private long _published;
    private bool _disposed;

    /// <summary>Creates the writer on <paramref name="participant"/> and publishes the (empty) graph once.</summary>
    /// <exception cref="DdsException">Cyclone refused the topic or writer.</exception>
    public DiscoveryInfoPublisher(DdsParticipant participant, RosDistro distro)
    {
        ArgumentNullException.ThrowIfNull(participant);
        ArgumentNullException.ThrowIfNull(distro);
        _participant = participant;
        Distro = distro;
        Span<byte> guid = stackalloc byte[DdsGuid.Size];
        participant.Guid.CopyTo(guid);
        Graph = new ParticipantGraph(guid, distro.GidSize);
        _writer = participant.CreateWriter(TopicName, DiscoveryInfoTypes.SupportFor(distro.GidSize), Qos);
        participant.EndpointChanged += OnEndpointChanged;
        PublishIfChanged();
    }

    /// <summary>QoS of <c>ros_discovery_info</c>: reliable, transient local, keep last 1.</summary>
    public static QosProfile Qos { get; } = new(ReliabilityKind.Reliable, DurabilityKind.TransientLocal, HistoryKind.KeepLast, 1);

    /// <summary>The distribution (Gid layout) announced.</summary>
    public RosDistro Distro { get; }

    /// <summary>The nodes and endpoints announced; call <see cref="PublishIfChanged"/> after changing it.</summary>
    public ParticipantGraph Graph { get; }

    /// <summary>The GUID of the <c>ros_discovery_info</c> writer (not part of any node).</summary>
    public DdsGuid WriterGuid => _writer.Guid;

    /// <summary>Announcements written so far.</summary>
    public long PublishedCount => Interlocked.Read(ref _published);

    /// <summary>Publishes the graph if it changed since the last announcement; true when it wrote one.</summary>
    /// <exception cref="DdsException">The write failed.</exception>
    public bool PublishIfChanged()
    {
        lock (_gate)
        {
            if (_disposed) return false;
            var info = Graph.Snapshot(out var version);
            if (version == _publishedVersion) return false;
            _buffer.Clear();
            var writer = new CdrWriter(_buffer);
            info.Write(ref writer, Distro.GidSize);
            writer.Flush();
            _writer.WriteRaw(_buffer.WrittenSpan);
            _publishedVersion = version;
            Interlocked.Increment(ref _published);
            return true;
        }
    }

    /// <summary>Stops listening to the participant and disposes the writer (the participant stays).</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed) return;
            _disposed = true;
        }
        _participant.EndpointChanged -= OnEndpointChanged;
        _writer.Dispose();
        _buffer.Dispose();
    }

    private void OnEndpointChanged(object? sender, EndpointChange change)
    {
        if (change.Created) return;
        Span<byte> guid = stackalloc byte[DdsGuid.Size];
        change.Endpoint.Guid.CopyTo(guid);
        var removed = false;
        foreach (var node in Graph.Nodes)
        {
            removed |= change.Endpoint.Kind == EndpointKind.Writer ? Graph.RemoveWriter(node, guid) : Graph.RemoveReader(node, guid);
        }
        if (removed) PublishIfChanged();
    }
}
