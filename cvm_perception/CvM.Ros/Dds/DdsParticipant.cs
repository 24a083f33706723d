using System.Runtime.InteropServices;
using System.Text;
using CvM.Ros.Dds.Internal;
using CvM.Ros.Dds.Native;
using CvM.Ros.Qos;

namespace CvM.Ros.Dds;

/// <summary>
/// A DDS domain participant carrying the ROS participant USER_DATA <c>enclave=/;</c>. It owns its topics, the
/// helper entities used to learn each type's <c>ddsi_sertype*</c>, and every writer and reader created from it
/// (disposing the participant disposes them). <see cref="EndpointChanged"/> fires when one of its writers or readers is
/// created or disposed (the graph publisher republishes <c>ros_discovery_info</c> on it). Thread-safe.
/// </summary>
public sealed class DdsParticipant : IDisposable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (int Topic, DdsTypeSupport Type)> _topics = new(StringComparer.Ordinal);
    private readonly Dictionary<DdsTypeSupport, IntPtr> _sertypes = [];
    private readonly List<IDisposable> _endpoints = [];
    private readonly Dictionary<DdsGuid, EndpointInfo> _live = [];
    private readonly bool _ownsDomainRef;
    private bool _disposed;

    private DdsParticipant(uint domainId, DdsEntityHandle handle, bool ownsDomainRef, bool typeHashUserData)
    {
        DomainId = domainId;
        TypeHashUserData = typeHashUserData;
        Handle = handle;
        _ownsDomainRef = ownsDomainRef;
        Guid = GuidOf(handle.Entity);
    }

    /// <summary>The DDS domain id.</summary>
    public uint DomainId { get; }

    /// <summary>The participant GUID.</summary>
    public DdsGuid Guid { get; }

    /// <summary>Whether this participant's endpoints send <c>typehash=</c> USER_DATA (see <see cref="DdsParticipantOptions.TypeHashUserData"/>).</summary>
    public bool TypeHashUserData { get; }

    internal DdsEntityHandle Handle { get; }

    /// <summary>The endpoint USER_DATA for <paramref name="type"/>: <c>typehash=...;</c>, or empty when not sent.</summary>
    internal byte[]? EndpointUserData(DdsTypeSupport type) =>
        TypeHashUserData && type.TypeHash is not null ? Encoding.UTF8.GetBytes($"typehash={type.TypeHash};") : null;

    /// <summary>Raised (on the creating/disposing thread, outside internal locks) when a writer or reader appears or goes.</summary>
    public event EventHandler<EndpointChange>? EndpointChanged;

    /// <summary>A snapshot of the live writers and readers of this participant.</summary>
    public IReadOnlyList<EndpointInfo> Endpoints
    {
        get { lock (_gate) return _live.Values.ToList(); }
    }

    /// <summary>Creates a participant; see <see cref="DdsParticipantOptions"/>.</summary>
    /// <exception cref="CycloneLibraryException">libddsc is missing or not 0.10.x.</exception>
    /// <exception cref="DdsException">Cyclone refused the domain or participant.</exception>
    public static unsafe DdsParticipant Create(DdsParticipantOptions? options = null)
    {
        options ??= new DdsParticipantOptions();
        DdsNative.Touch();
        var domainId = options.ResolveDomainId();
        var socketsBefore = SocketInheritance.SocketDescriptors();
        if (options.Config is not null) DomainRegistry.Acquire(domainId, options.Config);
        try
        {
            using var qos = QosMapping.Create(null, Encoding.UTF8.GetBytes($"enclave={options.Enclave};"));
            var rc = DdsNative.dds_create_participant(domainId, qos.Pointer, IntPtr.Zero);
            SocketInheritance.MarkNewSocketsCloseOnExec(socketsBefore);
            return new DdsParticipant(domainId, DdsEntityHandle.FromCreate(rc, "dds_create_participant"), options.Config is not null,
                options.TypeHashUserData);
        }
        catch
        {
            if (options.Config is not null) DomainRegistry.Release(domainId);
            throw;
        }
    }

    /// <summary>Creates a writer on the ROS topic <paramref name="rosTopic"/> (DDS topic <c>rt/...</c>).</summary>
    public DdsWriter CreateRosWriter(string rosTopic, DdsTypeSupport type, QosProfile qos) =>
        CreateWriter(DdsNames.ToDdsTopic(rosTopic), type, qos);

    /// <summary>Creates a reader on the ROS topic <paramref name="rosTopic"/> (DDS topic <c>rt/...</c>).</summary>
    public DdsReader CreateRosReader(string rosTopic, DdsTypeSupport type, QosProfile qos, DdsReaderOptions? options = null) =>
        CreateReader(DdsNames.ToDdsTopic(rosTopic), type, qos, options);

    /// <summary>Creates a writer on a DDS topic named as is (e.g. <c>ros_discovery_info</c>). The caller owns the writer.</summary>
    public DdsWriter CreateWriter(string ddsTopic, DdsTypeSupport type, QosProfile qos)
    {
        ArgumentNullException.ThrowIfNull(type);
        var writer = new DdsWriter(this, ddsTopic, type, qos.Validated());
        Register(writer, writer.Info);
        return writer;
    }

    /// <summary>Creates a reader on a DDS topic named as is; its reader thread starts at once. The caller owns the reader.</summary>
    public DdsReader CreateReader(string ddsTopic, DdsTypeSupport type, QosProfile qos, DdsReaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(type);
        var reader = new DdsReader(this, ddsTopic, type, qos.Validated(), options ?? new DdsReaderOptions());
        Register(reader, reader.Info);
        return reader;
    }

    /// <summary>The topic entity for <paramref name="ddsTopic"/> (created once per participant).</summary>
    internal unsafe int GetTopic(string ddsTopic, DdsTypeSupport type)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_topics.TryGetValue(ddsTopic, out var t))
                return t.Type == type ? t.Topic
                    : throw new ArgumentException($"DDS topic {ddsTopic} already has type {t.Type.DdsTypeName}, not {type.DdsTypeName}");
            var topic = CreateTopicEntity(ddsTopic, type);
            _topics[ddsTopic] = (topic, type);
            return topic;
        }
    }

    /// <summary>
    /// The <c>ddsi_sertype*</c> of <paramref name="type"/> in this participant's domain, learnt once by writing one
    /// empty sample on a private topic (no <c>rt/</c> prefix, so ROS never sees it) and reading <c>serdata-&gt;type</c>
    /// from what <c>dds_takecdr</c> returns. Cyclone shares one sertype per type and domain, so it is the sertype of
    /// every topic of that type here. The pointer stays valid while the probe topic (owned by this participant) lives.
    /// </summary>
    internal unsafe IntPtr GetSertype(DdsTypeSupport type)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_sertypes.TryGetValue(type, out var known)) return known;
            var probeName = "cvm_sertype_probe_" + type.DdsTypeName.Replace("::", "_", StringComparison.Ordinal) + "_" + type.ProgramTag;
            var topic = CreateTopicEntity(probeName, type);
            using var qos = QosMapping.Create(new QosProfile(ReliabilityKind.Reliable, DurabilityKind.Volatile, HistoryKind.KeepLast, 1), default);
            using var reader = DdsEntityHandle.FromCreate(DdsNative.dds_create_reader(Handle.Entity, topic, qos.Pointer, IntPtr.Zero), "dds_create_reader(probe)");
            using var writer = DdsEntityHandle.FromCreate(DdsNative.dds_create_writer(Handle.Entity, topic, qos.Pointer, IntPtr.Zero), "dds_create_writer(probe)");
            var sample = (byte*)NativeMemory.AllocZeroed(type.Descriptor.Size);
            try
            {
                type.FillEmptySample(sample);
                DdsStatus.Check(DdsNative.dds_write(writer.Entity, sample), "dds_write(probe)");
            }
            finally
            {
                NativeMemory.Free(sample);
            }
            IntPtr serdata;
            DdsSampleInfoNative info;
            var n = DdsStatus.Check(DdsNative.dds_takecdr(reader.Entity, &serdata, 1, &info, DdsNative.DDS_ANY_STATE), "dds_takecdr(probe)");
            if (n != 1) throw new DdsException("sertype probe", (int)DdsReturnCode.NoData, "the probe sample did not arrive");
            var sertype = *(IntPtr*)((byte*)serdata + DdsNative.SerdataTypeOffset);
            DdsNative.ddsi_serdata_unref(serdata);
            _sertypes[type] = sertype;
            return sertype;
        }
    }

    internal void Unregister(IDisposable endpoint, EndpointInfo info)
    {
        bool removed;
        lock (_gate)
        {
            _endpoints.Remove(endpoint);
            removed = _live.Remove(info.Guid);
        }
        if (removed) EndpointChanged?.Invoke(this, new EndpointChange(info, Created: false));
    }

    private void Register(IDisposable endpoint, EndpointInfo info)
    {
        lock (_gate)
        {
            _endpoints.Add(endpoint);
            _live[info.Guid] = info;
        }
        EndpointChanged?.Invoke(this, new EndpointChange(info, Created: true));
    }

    private unsafe int CreateTopicEntity(string ddsTopic, DdsTypeSupport type)
    {
        var name = Encoding.UTF8.GetBytes(ddsTopic + "\0");
        int rc;
        fixed (byte* p = name) rc = DdsNative.dds_create_topic(Handle.Entity, type.Native.Descriptor, p, IntPtr.Zero, IntPtr.Zero);
        return DdsStatus.Check(rc, $"dds_create_topic({ddsTopic}, {type.DdsTypeName})");
    }

    internal static unsafe DdsGuid GuidOf(int entity)
    {
        DdsGuidNative g;
        DdsStatus.Check(DdsNative.dds_get_guid(entity, &g), "dds_get_guid");
        return DdsGuid.FromBytes(new ReadOnlySpan<byte>(g.V, DdsGuid.Size));
    }

    /// <summary>Disposes every writer and reader of this participant, then deletes it (and its topics).</summary>
    public void Dispose()
    {
        List<IDisposable> endpoints;
        lock (_gate)
        {
            if (_disposed) return;
            endpoints = [.. _endpoints];
        }
        foreach (var e in endpoints) e.Dispose();
        lock (_gate)
        {
            _disposed = true;
            _sertypes.Clear();
            _topics.Clear();
        }
        Handle.Dispose();
        if (_ownsDomainRef) DomainRegistry.Release(DomainId);
    }
}
