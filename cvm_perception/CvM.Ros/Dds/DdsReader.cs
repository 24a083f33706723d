using System.Buffers;
using System.Threading.Channels;
using CvM.Ros.Dds.Internal;
using CvM.Ros.Dds.Native;
using CvM.Ros.Qos;

namespace CvM.Ros.Dds;

/// <summary>
/// A DDS reader whose own thread waits on a waitset (read condition + guard condition), takes serialized samples with
/// <c>dds_takecdr</c>, copies each into a buffer rented from <see cref="ArrayPool{T}.Shared"/>
/// (<c>ddsi_serdata_size</c> + <c>ddsi_serdata_to_ser</c>) and posts it to the bounded <see cref="Samples"/> channel,
/// which drops the oldest sample when full (counted in <see cref="DroppedCount"/>; the dropped buffer is returned to
/// the pool). Samples read from the channel belong to the consumer (see <see cref="RawSample"/>). Owned by whoever
/// created it; disposed with its participant at the latest. Endpoint USER_DATA carries <c>typehash=RIHS01_...;</c>.
/// </summary>
public sealed class DdsReader : IDisposable
{
    private readonly DdsParticipant _participant;
    private readonly DdsEntityHandle _reader;
    private readonly DdsEntityHandle _waitset;
    private readonly DdsEntityHandle _readCondition;
    private readonly DdsEntityHandle _guard;
    private readonly Channel<RawSample> _channel;
    private readonly DdsReaderOptions _options;
    private readonly Thread _thread;
    private long _received, _dropped, _rejected, _lastLost, _lastRejected;
    private volatile bool _stopping;
    private int _disposed;

    internal DdsReader(DdsParticipant participant, string ddsTopic, DdsTypeSupport type, QosProfile qos, DdsReaderOptions options)
    {
        _participant = participant;
        _options = options.Validated();
        Type = type;
        Qos = qos;
        var topic = participant.GetTopic(ddsTopic, type);
        var userData = participant.EndpointUserData(type);
        using (var q = QosMapping.Create(qos, userData))
            _reader = DdsEntityHandle.FromCreate(
                DdsNative.dds_create_reader(participant.Handle.Entity, topic, q.Pointer, IntPtr.Zero), $"dds_create_reader({ddsTopic})");
        Info = new EndpointInfo(EndpointKind.Reader, ddsTopic, DdsNames.FromDdsTopic(ddsTopic), type.RosType, type.DdsTypeName,
            DdsParticipant.GuidOf(_reader.Entity));
        var p = participant.Handle.Entity;
        _waitset = DdsEntityHandle.FromCreate(DdsNative.dds_create_waitset(p), "dds_create_waitset");
        _readCondition = DdsEntityHandle.FromCreate(DdsNative.dds_create_readcondition(_reader.Entity, DdsNative.DDS_ANY_STATE), "dds_create_readcondition");
        _guard = DdsEntityHandle.FromCreate(DdsNative.dds_create_guardcondition(p), "dds_create_guardcondition");
        DdsStatus.Check(DdsNative.dds_waitset_attach(_waitset.Entity, _readCondition.Entity, IntPtr.Zero), "dds_waitset_attach");
        DdsStatus.Check(DdsNative.dds_waitset_attach(_waitset.Entity, _guard.Entity, IntPtr.Zero), "dds_waitset_attach");
        _channel = Channel.CreateBounded<RawSample>(
            new BoundedChannelOptions(_options.ChannelCapacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleWriter = true },
            dropped =>
            {
                Interlocked.Increment(ref _dropped);
                dropped.Dispose();
            });
        _thread = new Thread(Run) { IsBackground = true, Name = "dds-reader " + ddsTopic };
        _thread.Start();
    }

    /// <summary>Kind, topic, type and GUID (the ROS gid) of this reader.</summary>
    public EndpointInfo Info { get; }

    /// <summary>The reader GUID.</summary>
    public DdsGuid Guid => Info.Guid;

    /// <summary>The type read.</summary>
    public DdsTypeSupport Type { get; }

    /// <summary>The QoS the reader was created with.</summary>
    public QosProfile Qos { get; }

    /// <summary>Received samples; each read sample's buffer belongs to the consumer (dispose it).</summary>
    public ChannelReader<RawSample> Samples => _channel.Reader;

    /// <summary>Samples taken from Cyclone and posted to the channel.</summary>
    public long ReceivedCount => Interlocked.Read(ref _received);

    /// <summary>Samples dropped because the channel was full (oldest first).</summary>
    public long DroppedCount => Interlocked.Read(ref _dropped);

    /// <summary>Samples discarded because they exceeded <see cref="DdsReaderOptions.MaxSampleBytes"/>.</summary>
    public long RejectedCount => Interlocked.Read(ref _rejected);

    /// <summary>Currently matched writers (<c>dds_get_subscription_matched_status</c>.current_count).</summary>
    public unsafe int MatchedPublications
    {
        get
        {
            SubscriptionMatchedStatusNative s;
            DdsStatus.Check(DdsNative.dds_get_subscription_matched_status(_reader.Entity, &s), "dds_get_subscription_matched_status");
            return (int)s.CurrentCount;
        }
    }

    /// <summary>Writers seen whose QoS cannot serve this reader (<c>dds_get_requested_incompatible_qos_status</c>.total_count).</summary>
    public unsafe uint RequestedIncompatibleQosCount
    {
        get
        {
            IncompatibleQosStatusNative s;
            DdsStatus.Check(DdsNative.dds_get_requested_incompatible_qos_status(_reader.Entity, &s), "dds_get_requested_incompatible_qos_status");
            return s.TotalCount;
        }
    }

    /// <summary>
    /// Samples Cyclone reports as lost before they reached this reader's history (<c>dds_get_sample_lost_status</c>
    /// total_count: e.g. a best-effort sample whose fragments did not all arrive, detected from the writer's sequence
    /// numbers). Samples overwritten in a KEEP_LAST history before they were taken are not counted by Cyclone.
    /// </summary>
    public unsafe long SampleLostCount
    {
        get
        {
            SampleLostStatusNative s;
            DdsStatus.Check(DdsNative.dds_get_sample_lost_status(_reader.Entity, &s), "dds_get_sample_lost_status");
            return s.TotalCount;
        }
    }

    /// <summary>Samples Cyclone rejected for resource limits (<c>dds_get_sample_rejected_status</c> total_count).</summary>
    public unsafe long SampleRejectedCount
    {
        get
        {
            SampleRejectedStatusNative s;
            DdsStatus.Check(DdsNative.dds_get_sample_rejected_status(_reader.Entity, &s), "dds_get_sample_rejected_status");
            return s.TotalCount;
        }
    }

    /// <summary>
    /// All of this reader's counters at once (taken, channel drops, oversize rejections, Cyclone's lost and rejected);
    /// zeros for the Cyclone counts once disposed.
    /// </summary>
    public DdsReaderCounters Counters()
    {
        ReadCycloneCounts();
        return new DdsReaderCounters(ReceivedCount, DroppedCount, RejectedCount, Interlocked.Read(ref _lastLost), Interlocked.Read(ref _lastRejected));
    }

    // Cyclone's counts die with the reader: remember the last reading so a final snapshot after dispose still has them.
    private void ReadCycloneCounts()
    {
        if (Volatile.Read(ref _disposed) != 0) return;
        try
        {
            Interlocked.Exchange(ref _lastLost, SampleLostCount);
            Interlocked.Exchange(ref _lastRejected, SampleRejectedCount);
        }
        catch (DdsException)
        {
            // deleted underneath (participant disposed): keep the last reading
        }
    }

    private void Run()
    {
        try
        {
            Pump();
        }
        catch (Exception e)
        {
            // never let the reader thread take the process down: the fault ends the channel, where consumers see it
            Fault = e;
            _channel.Writer.TryComplete(e);
        }
    }

    /// <summary>The exception that stopped the reader thread, or null; <see cref="Samples"/> completes with it too.</summary>
    public Exception? Fault { get; private set; }

    private unsafe void Pump()
    {
        var max = _options.MaxSamplesPerTake;
        var serdatas = stackalloc IntPtr[max];
        var infos = stackalloc DdsSampleInfoNative[max];
        var writer = _channel.Writer;
        while (!_stopping)
        {
            var rc = DdsNative.dds_waitset_wait(_waitset.Entity, IntPtr.Zero, 0, 500_000_000);
            if (_stopping) break;
            if (rc < 0) break; // waitset deleted underneath (participant disposed)
            while (!_stopping)
            {
                var n = DdsNative.dds_takecdr(_reader.Entity, serdatas, (uint)max, infos, DdsNative.DDS_ANY_STATE);
                if (n <= 0) break;
                var now = NowNs();
                for (var i = 0; i < n; i++)
                {
                    var sd = serdatas[i];
                    if (infos[i].ValidData != 0)
                    {
                        var size = (int)DdsNative.ddsi_serdata_size(sd);
                        if (size < 4 || size > _options.MaxSampleBytes)
                        {
                            Interlocked.Increment(ref _rejected);
                        }
                        else
                        {
                            var buffer = ArrayPool<byte>.Shared.Rent(size);
                            fixed (byte* b = buffer) DdsNative.ddsi_serdata_to_ser(sd, 0, (nuint)size, b);
                            Interlocked.Increment(ref _received);
                            if (!writer.TryWrite(new RawSample(buffer, size, infos[i].SourceTimestampNs, now, infos[i].PublicationHandle)))
                                ArrayPool<byte>.Shared.Return(buffer);
                        }
                    }
                    DdsNative.ddsi_serdata_unref(sd);
                }
            }
        }
    }

    /// <summary>Nanoseconds since the Unix epoch on the realtime clock (the clock of <c>dds_time</c>).</summary>
    public static long NowNs() => (DateTime.UtcNow.Ticks - DateTime.UnixEpoch.Ticks) * 100;

    /// <summary>Stops the reader thread, deletes the reader, completes <see cref="Samples"/> and raises the endpoint event.</summary>
    public void Dispose()
    {
        ReadCycloneCounts();
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        _stopping = true;
        try
        {
            _ = DdsNative.dds_set_guardcondition(_guard.Entity, 1);
            _thread.Join();
            _waitset.Dispose();
            _guard.Dispose();
            _readCondition.Dispose();
            _reader.Dispose();
        }
        finally
        {
            // consumers waiting on the channel always see it end, even when deleting an entity failed
            _channel.Writer.TryComplete();
        }
        _participant.Unregister(this, Info);
    }
}
