using CvM.Messages;
using CvM.Ros.Dds;
using CvM.Ros.Names;
using CvM.Ros.Qos;

namespace CvM.Ros.Graph;

/// <summary>
/// A ROS 2 node on its own DDS participant: it owns the participant and the <c>ros_discovery_info</c>
/// publisher, creates writers and readers on ROS topics (names expanded for this node: <c>depth</c>,
/// <c>~/depth</c>, <c>/abs</c>), lists their GUIDs as the node's gids and republishes the graph when one is
/// created or disposed, so <c>ros2 node list</c> and <c>ros2 topic info -v</c> see the node. Writers and
/// readers returned are owned by the caller (dispose them to remove them from the graph); disposing the node
/// announces its departure and then disposes everything it created. Thread-safe.
/// </summary>
public sealed class RosNode : IDisposable
{
    private readonly DiscoveryInfoPublisher _discovery;
    private int _disposed;

    private RosNode(GraphNodeId id, DdsParticipant participant, DiscoveryInfoPublisher discovery)
    {
        Id = id;
        Participant = participant;
        _discovery = discovery;
    }

    /// <summary>The node's namespace and name.</summary>
    public GraphNodeId Id { get; }

    /// <summary>The node's base name.</summary>
    public string Name => Id.Name;

    /// <summary>The node's absolute namespace.</summary>
    public string Namespace => Id.Namespace;

    /// <summary>The participant this node owns.</summary>
    public DdsParticipant Participant { get; }

    /// <summary>The graph announcement of this node's participant.</summary>
    public DiscoveryInfoPublisher Discovery => _discovery;

    /// <summary>Creates the node: participant, <c>ros_discovery_info</c> writer, first announcement.</summary>
    /// <exception cref="RosNameException">The name or namespace breaks the ROS naming rules.</exception>
    /// <exception cref="ArgumentException">A bad domain id or distribution setting.</exception>
    /// <exception cref="CycloneLibraryException">libddsc is missing or of an unexpected version.</exception>
    /// <exception cref="DdsException">Cyclone refused an entity.</exception>
    public static RosNode Create(string name, string nodeNamespace = "/", RosNodeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(nodeNamespace);
        RosNames.ThrowIfInvalid(name, RosNames.ValidateNodeName(name));
        RosNames.ThrowIfInvalid(nodeNamespace, RosNames.ValidateNamespace(nodeNamespace));
        options ??= new RosNodeOptions();
        var distro = options.Distro ?? RosDistro.Resolve(null);
        var participant = DdsParticipant.Create(options.Participant);
        DiscoveryInfoPublisher? discovery = null;
        try
        {
            discovery = new DiscoveryInfoPublisher(participant, distro);
            var id = new GraphNodeId(nodeNamespace, name);
            discovery.Graph.AddNode(id);
            discovery.PublishIfChanged();
            return new RosNode(id, participant, discovery);
        }
        catch
        {
            discovery?.Dispose();
            participant.Dispose();
            throw;
        }
    }

    /// <summary>The fully qualified ROS topic for <paramref name="topic"/> as seen from this node.</summary>
    /// <exception cref="RosNameException">The topic name is invalid.</exception>
    public string ResolveTopic(string topic) => RosNames.ExpandTopicName(topic, Name, Namespace);

    /// <summary>Creates a writer on <paramref name="topic"/> and announces it; the caller owns the writer.</summary>
    public DdsWriter CreateWriter(string topic, DdsTypeSupport type, QosProfile qos)
    {
        ThrowIfDisposed();
        var writer = Participant.CreateRosWriter(ResolveTopic(topic), type, qos);
        Announce(writer.Guid, EndpointKind.Writer, writer);
        return writer;
    }

    /// <summary>Creates a typed publisher on <paramref name="topic"/> and announces it; the caller owns it.</summary>
    public DdsPublisher<T> CreatePublisher<T>(string topic, DdsTypeSupport type, QosProfile qos) where T : IRosMessage<T>
    {
        var writer = CreateWriter(topic, type, qos);
        try
        {
            return new DdsPublisher<T>(writer);
        }
        catch
        {
            writer.Dispose();
            throw;
        }
    }

    /// <summary>Creates a reader on <paramref name="topic"/> and announces it; the caller owns the reader.</summary>
    public DdsReader CreateReader(string topic, DdsTypeSupport type, QosProfile qos, DdsReaderOptions? options = null)
    {
        ThrowIfDisposed();
        var reader = Participant.CreateRosReader(ResolveTopic(topic), type, qos, options);
        Announce(reader.Guid, EndpointKind.Reader, reader);
        return reader;
    }

    /// <summary>Announces that the node leaves, then disposes the announcement writer and the participant.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        try
        {
            _discovery.Graph.RemoveNode(Id);
            _discovery.PublishIfChanged();
        }
        catch (DdsException)
        {
            // best effort: the participant goes away next and peers drop its endpoints anyway
        }
        _discovery.Dispose();
        Participant.Dispose();
    }

    private void Announce(DdsGuid guid, EndpointKind kind, IDisposable endpoint)
    {
        Span<byte> bytes = stackalloc byte[DdsGuid.Size];
        guid.CopyTo(bytes);
        try
        {
            if (kind == EndpointKind.Writer) _discovery.Graph.AddWriter(Id, bytes);
            else _discovery.Graph.AddReader(Id, bytes);
            _discovery.PublishIfChanged();
        }
        catch
        {
            endpoint.Dispose();
            throw;
        }
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
}
