using CvM.Ros.Dds.Internal;
using CvM.Ros.Dds.Native;
using CvM.Ros.Qos;

namespace CvM.Ros.Dds;

/// <summary>
/// A DDS writer that sends serialized CDR (encapsulation header included) from caller memory: the bytes are copied
/// into a Cyclone serdata (<c>ddsi_serdata_from_ser_iov</c>, which also validates them against the type) and handed
/// to <c>dds_writecdr</c>; the caller's span is not kept. Endpoint USER_DATA carries <c>typehash=RIHS01_...;</c>.
/// Owned by whoever created it; disposed with its participant at the latest. Thread-safe.
/// </summary>
public sealed class DdsWriter : IDisposable
{
    private readonly DdsParticipant _participant;
    private readonly DdsEntityHandle _writer;
    private readonly IntPtr _sertype;
    private long _written;
    private int _disposed;

    internal DdsWriter(DdsParticipant participant, string ddsTopic, DdsTypeSupport type, QosProfile qos)
    {
        _participant = participant;
        Type = type;
        Qos = qos;
        var topic = participant.GetTopic(ddsTopic, type);
        _sertype = participant.GetSertype(type);
        var userData = participant.EndpointUserData(type);
        using var q = QosMapping.Create(qos, userData);
        _writer = DdsEntityHandle.FromCreate(
            DdsNative.dds_create_writer(participant.Handle.Entity, topic, q.Pointer, IntPtr.Zero), $"dds_create_writer({ddsTopic})");
        Info = new EndpointInfo(EndpointKind.Writer, ddsTopic, DdsNames.FromDdsTopic(ddsTopic), type.RosType, type.DdsTypeName,
            DdsParticipant.GuidOf(_writer.Entity));
    }

    /// <summary>Kind, topic, type and GUID (the ROS gid) of this writer.</summary>
    public EndpointInfo Info { get; }

    /// <summary>The writer GUID.</summary>
    public DdsGuid Guid => Info.Guid;

    /// <summary>The type written.</summary>
    public DdsTypeSupport Type { get; }

    /// <summary>The QoS the writer was created with.</summary>
    public QosProfile Qos { get; }

    /// <summary>Samples accepted by <see cref="WriteRaw"/>.</summary>
    public long SamplesWritten => Interlocked.Read(ref _written);

    /// <summary>Currently matched readers (<c>dds_get_publication_matched_status</c>.current_count).</summary>
    public unsafe int MatchedSubscriptions
    {
        get
        {
            PublicationMatchedStatusNative s;
            DdsStatus.Check(DdsNative.dds_get_publication_matched_status(_writer.Entity, &s), "dds_get_publication_matched_status");
            return (int)s.CurrentCount;
        }
    }

    /// <summary>Readers seen with a QoS this writer cannot serve (total count).</summary>
    public unsafe uint OfferedIncompatibleQosCount
    {
        get
        {
            IncompatibleQosStatusNative s;
            DdsStatus.Check(DdsNative.dds_get_offered_incompatible_qos_status(_writer.Entity, &s), "dds_get_offered_incompatible_qos_status");
            return s.TotalCount;
        }
    }

    /// <summary>
    /// Writes one sample given as serialized CDR with its 4-byte encapsulation header (e.g. <c>00 01 00 00</c>).
    /// The bytes are copied before this returns.
    /// </summary>
    /// <exception cref="ArgumentException">Fewer than 4 bytes, or Cyclone rejects them as not a valid sample of the type.</exception>
    /// <exception cref="DdsException">dds_writecdr failed (e.g. timeout of a full reliable history).</exception>
    public unsafe void WriteRaw(ReadOnlySpan<byte> serialized)
    {
        if (serialized.Length < 4) throw new ArgumentException("serialized CDR needs at least the 4-byte encapsulation header", nameof(serialized));
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        IntPtr serdata;
        fixed (byte* p = serialized)
        {
            var iov = new IoVecNative { Base = p, Length = (nuint)serialized.Length };
            serdata = DdsNative.ddsi_serdata_from_ser_iov(_sertype, DdsNative.SDK_DATA, 1, &iov, (nuint)serialized.Length);
        }
        if (serdata == IntPtr.Zero)
            throw new ArgumentException($"Cyclone rejected {serialized.Length} bytes as not a valid {Type.DdsTypeName}", nameof(serialized));
        // dds_writecdr consumes the serdata reference whatever it returns.
        var rc = DdsNative.dds_writecdr(_writer.Entity, serdata);
        if (rc < 0) DdsStatus.Check(rc, "dds_writecdr(" + Info.DdsTopic + ")"); // message built only on failure: no per-sample allocation
        Interlocked.Increment(ref _written);
    }

    /// <summary>Deletes the writer and raises the participant's endpoint event.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        _writer.Dispose();
        _participant.Unregister(this, Info);
    }
}
