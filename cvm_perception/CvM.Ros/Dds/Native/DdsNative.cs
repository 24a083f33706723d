using System.Runtime.InteropServices;

namespace CvM.Ros.Dds.Native;

/// <summary>
/// P/Invoke declarations of the libddsc (Cyclone DDS 0.10.x) C API used by the binding. Only public,
/// documented layouts are relied on (DESIGN §4: Debian builds with <c>DDS_HAS_SHM</c>, which changes internal
/// struct sizes). Entities are <c>int</c> (<c>dds_entity_t</c>); pointers owned by Cyclone stay <see cref="IntPtr"/>.
/// The library is resolved by <see cref="CycloneLibrary"/>, whose resolver must be installed before any call
/// (the static constructor does that).
/// </summary>
internal static unsafe class DdsNative
{
    internal const string Lib = CycloneAbi.LibraryName;

    static DdsNative() => CycloneLibrary.EnsureLoaded();

    /// <summary>Forces the static constructor (library resolution and self-check) to run.</summary>
    internal static void Touch() { }

    // domain, participant, entities
    [DllImport(Lib)] internal static extern int dds_create_domain(uint domain, byte* config);
    [DllImport(Lib)] internal static extern int dds_create_participant(uint domain, IntPtr qos, IntPtr listener);
    [DllImport(Lib)] internal static extern int dds_create_topic(int participant, IntPtr descriptor, byte* name, IntPtr qos, IntPtr listener);
    [DllImport(Lib)] internal static extern int dds_create_writer(int participantOrPublisher, int topic, IntPtr qos, IntPtr listener);
    [DllImport(Lib)] internal static extern int dds_create_reader(int participantOrSubscriber, int topic, IntPtr qos, IntPtr listener);
    [DllImport(Lib)] internal static extern int dds_delete(int entity);
    [DllImport(Lib)] internal static extern int dds_get_guid(int entity, DdsGuidNative* guid);
    [DllImport(Lib)] internal static extern IntPtr dds_strretcode(int rc);
    [DllImport(Lib)] internal static extern int dds_set_status_mask(int entity, uint mask);

    // data
    [DllImport(Lib)] internal static extern int dds_write(int writer, void* sample);
    [DllImport(Lib)] internal static extern int dds_writecdr(int writer, IntPtr serdata);
    [DllImport(Lib)] internal static extern int dds_takecdr(int readerOrCondition, IntPtr* serdatas, uint maxs, DdsSampleInfoNative* infos, uint mask);
    [DllImport(Lib)] internal static extern IntPtr ddsi_serdata_from_ser_iov(IntPtr sertype, int kind, nuint niov, IoVecNative* iov, nuint size);
    [DllImport(Lib)] internal static extern void ddsi_serdata_to_ser(IntPtr serdata, nuint offset, nuint size, void* buffer);
    [DllImport(Lib)] internal static extern uint ddsi_serdata_size(IntPtr serdata);
    [DllImport(Lib)] internal static extern void ddsi_serdata_unref(IntPtr serdata);

    // qos
    [DllImport(Lib)] internal static extern IntPtr dds_create_qos();
    [DllImport(Lib)] internal static extern void dds_delete_qos(IntPtr qos);
    [DllImport(Lib)] internal static extern void dds_qset_reliability(IntPtr qos, int kind, long maxBlockingTimeNs);
    [DllImport(Lib)] internal static extern void dds_qset_durability(IntPtr qos, int kind);
    [DllImport(Lib)] internal static extern void dds_qset_history(IntPtr qos, int kind, int depth);
    [DllImport(Lib)] internal static extern void dds_qset_userdata(IntPtr qos, void* value, nuint size);

    // status
    [DllImport(Lib)] internal static extern int dds_get_publication_matched_status(int writer, PublicationMatchedStatusNative* status);
    [DllImport(Lib)] internal static extern int dds_get_subscription_matched_status(int reader, SubscriptionMatchedStatusNative* status);
    [DllImport(Lib)] internal static extern int dds_get_requested_incompatible_qos_status(int reader, IncompatibleQosStatusNative* status);
    [DllImport(Lib)] internal static extern int dds_get_offered_incompatible_qos_status(int writer, IncompatibleQosStatusNative* status);
    [DllImport(Lib)] internal static extern int dds_get_sample_lost_status(int reader, SampleLostStatusNative* status);
    [DllImport(Lib)] internal static extern int dds_get_sample_rejected_status(int reader, SampleRejectedStatusNative* status);

    // waitsets and conditions
    [DllImport(Lib)] internal static extern int dds_create_waitset(int participant);
    [DllImport(Lib)] internal static extern int dds_waitset_attach(int waitset, int entity, IntPtr x);
    [DllImport(Lib)] internal static extern int dds_waitset_wait(int waitset, IntPtr xs, nuint nxs, long relTimeoutNs);
    [DllImport(Lib)] internal static extern int dds_create_readcondition(int reader, uint mask);
    [DllImport(Lib)] internal static extern int dds_create_guardcondition(int owner);
    [DllImport(Lib)] internal static extern int dds_set_guardcondition(int guardCondition, byte triggered);

    internal const uint DDS_DOMAIN_DEFAULT = 0xffffffffu;
    internal const int SDK_DATA = 2;
    internal const long DDS_INFINITY = long.MaxValue;
    internal const uint DDS_ANY_STATE = 0x7f; // any sample (1|2), view (4|8) and instance (16|32|64) state
    internal const uint DDS_DATA_AVAILABLE_STATUS = 1u << 8;
    internal const uint DDS_PUBLICATION_MATCHED_STATUS = 1u << 11;
    internal const uint DDS_SUBSCRIPTION_MATCHED_STATUS = 1u << 12;
    internal const uint DDS_REQUESTED_INCOMPATIBLE_QOS_STATUS = 1u << 4;

    /// <summary>Byte offset of <c>type</c> in the public prefix of <c>struct ddsi_serdata</c> (ops, hash, refc, kind, type).</summary>
    internal const int SerdataTypeOffset = 24;
}
