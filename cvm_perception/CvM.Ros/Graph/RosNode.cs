using CvM.Messages;
using CvM.Ros.Arguments;
using CvM.Ros.Dds;
using CvM.Ros.Names;
using CvM.Ros.Qos;

namespace CvM.Ros.Graph;

/// <summary>
/// A ROS 2 node on its own DDS participant: it owns the participant and the <c>ros_discovery_info</c>
/// publisher, creates writers and readers on ROS topics (names expanded for this node: <c>depth</c>,
/// <c>~/depth</c>, <c>/abs</c>), lists their GUIDs as the node's gids and republishes the graph when one is
/// created or disposed, so <c>ros2 node list</c> and <c>ros2 topic info -v</c> see the node.
/// <see cref="FromArguments(string, RosArguments, RosNodeOptions?)"/> applies a command line's <c>__node</c>, <c>__ns</c>
/// and topic remap rules. Writers and
/// readers returned are owned by the caller (dispose them to remove them from the graph); disposing the node
/// announces its departure and then disposes everything it created. Thread-safe.
/// </summary>
public sealed class RosNode : IDisposable
{
    private readonly DiscoveryInfoPublisher _discovery;
    private int _disposed;

    private RosNode(GraphNodeId id, RosNameResolver names, DdsParticipant participant, DiscoveryInfoPublisher discovery)
    {
        Id = id;
        Names = names;
        Participant = participant;
        _discovery = discovery;
    }

    /// <summary>The node's namespace and name.</summary>
    public GraphNodeId Id { get; }

    /// <summary>The node's base name.</summary>
    public string Name => Id.Name;

    /// <summary>The node's absolute namespace.</summary>
    public string Namespace => Id.Namespace;

    /// <summary>The node's names after <c>__node</c>/<c>__ns</c> remapping and its topic resolver (remap rules included).</summary>
    public RosNameResolver Names { get; }

    /// <summary>The distribution whose graph conventions this node follows (Gid size, type hashes).</summary>
    public RosDistro Distro => _discovery.Distro;

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
        return Create(RosNameResolver.Create(name, nodeNamespace, Array.Empty<RemapRule>()), options ?? new RosNodeOptions(), enclave: null);
    }

    /// <summary>
    /// Creates the node a program's command line asks for, as rcl does: <paramref name="defaultName"/> and
    /// <paramref name="defaultNamespace"/> are replaced by the first matching <c>__node:=</c> and <c>__ns:=</c> rules of
    /// <paramref name="arguments"/> (rules with a node prefix match <paramref name="defaultName"/>), topic names of the
    /// writers and readers it creates go through the topic remap rules (<see cref="ResolveTopic"/>), and <c>-e/--enclave</c>
    /// sets the participant's enclave. The distribution comes from <see cref="RosNodeOptions.Distro"/> (else
    /// <c>ROS_DISTRO</c>, else Jazzy). Parameters (<c>-p</c>, <c>--params-file</c>) are left to
    /// <see cref="Parameters.ParameterResolver"/> with <see cref="Names"/>'s node name.
    /// </summary>
    /// <exception cref="RosNameException">The (remapped) name or namespace breaks the ROS naming rules.</exception>
    /// <exception cref="ArgumentException">A bad domain id or distribution setting.</exception>
    /// <exception cref="CycloneLibraryException">libddsc is missing or of an unexpected version.</exception>
    /// <exception cref="DdsException">Cyclone refused an entity.</exception>
    public static RosNode FromArguments(string defaultName, string defaultNamespace, RosArguments arguments, RosNodeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(defaultName);
        ArgumentNullException.ThrowIfNull(defaultNamespace);
        ArgumentNullException.ThrowIfNull(arguments);
        return Create(RosNameResolver.Create(defaultName, defaultNamespace, arguments), options ?? new RosNodeOptions(), arguments.Enclave);
    }

    /// <summary>Like <see cref="FromArguments(string, string, RosArguments, RosNodeOptions?)"/> in the root namespace <c>/</c>.</summary>
    public static RosNode FromArguments(string defaultName, RosArguments arguments, RosNodeOptions? options = null) =>
        FromArguments(defaultName, "/", arguments, options);

    private static RosNode Create(RosNameResolver names, RosNodeOptions options, string? enclave)
    {
        var distro = options.Distro ?? RosDistro.Resolve(null);
        var participantOptions = options.Participant ?? new DdsParticipantOptions();
        participantOptions = participantOptions with
        {
            Enclave = enclave ?? participantOptions.Enclave,
            TypeHashUserData = participantOptions.TypeHashUserData && distro.HasTypeHashes,
        };
        var participant = DdsParticipant.Create(participantOptions);
        DiscoveryInfoPublisher? discovery = null;
        try
        {
            discovery = new DiscoveryInfoPublisher(participant, distro);
            var id = new GraphNodeId(names.Namespace, names.NodeName);
            discovery.Graph.AddNode(id);
            discovery.PublishIfChanged();
            return new RosNode(id, names, participant, discovery);
        }
        catch
        {
            discovery?.Dispose();
            participant.Dispose();
            throw;
        }
    }

    /// <summary>The fully qualified ROS topic for <paramref name="topic"/> as seen from this node: expanded, then remapped.</summary>
    /// <exception cref="RosNameException">The topic name (or what a rule remaps it to) is invalid.</exception>
    public string ResolveTopic(string topic) => Names.ResolveTopicName(topic);

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
