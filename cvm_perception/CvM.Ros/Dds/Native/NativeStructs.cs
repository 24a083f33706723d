using System.Runtime.InteropServices;

namespace CvM.Ros.Dds.Native;

/// <summary><c>dds_guid_t</c>: 16 bytes (guid prefix + entity id).</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct DdsGuidNative
{
    public fixed byte V[16];
}

/// <summary><c>struct iovec</c> on Linux (<c>ddsrt_iovec_t</c>).</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct IoVecNative
{
    public void* Base;
    public nuint Length;
}

/// <summary><c>dds_sample_info_t</c> (64 bytes on x86-64; checked against the header by a test peer).</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct DdsSampleInfoNative
{
    public uint SampleState;
    public uint ViewState;
    public uint InstanceState;
    public byte ValidData;
    public long SourceTimestampNs;
    public ulong InstanceHandle;
    public ulong PublicationHandle;
    public uint DisposedGenerationCount;
    public uint NoWritersGenerationCount;
    public uint SampleRank;
    public uint GenerationRank;
    public uint AbsoluteGenerationRank;
}

/// <summary><c>dds_publication_matched_status_t</c>.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct PublicationMatchedStatusNative
{
    public uint TotalCount;
    public int TotalCountChange;
    public uint CurrentCount;
    public int CurrentCountChange;
    public ulong LastSubscriptionHandle;
}

/// <summary><c>dds_subscription_matched_status_t</c>.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct SubscriptionMatchedStatusNative
{
    public uint TotalCount;
    public int TotalCountChange;
    public uint CurrentCount;
    public int CurrentCountChange;
    public ulong LastPublicationHandle;
}

/// <summary><c>dds_requested_incompatible_qos_status_t</c> / <c>dds_offered_incompatible_qos_status_t</c>.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct IncompatibleQosStatusNative
{
    public uint TotalCount;
    public int TotalCountChange;
    public uint LastPolicyId;
}

/// <summary><c>dds_sample_lost_status_t</c>.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct SampleLostStatusNative
{
    public uint TotalCount;
    public int TotalCountChange;
}

/// <summary><c>dds_sample_rejected_status_t</c> (24 bytes on x86-64: the instance handle is 8-aligned).</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct SampleRejectedStatusNative
{
    public uint TotalCount;
    public int TotalCountChange;
    public int LastReason;
    public ulong LastInstanceHandle;
}

/// <summary>
/// <c>dds_topic_descriptor_t</c> of Cyclone 0.10 (96 bytes on x86-64). The strings and arrays it points to are
/// owned by <see cref="NativeTopicDescriptor"/>.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct DdsTopicDescriptorNative
{
    public uint Size;
    public uint Align;
    public uint FlagSet;
    public uint NKeys;
    public byte* TypeName;
    public void* Keys;
    public uint NOps;
    public uint* Ops;
    public byte* Meta;
    public byte* TypeInformationData;
    public uint TypeInformationSize;
    public byte* TypeMappingData;
    public uint TypeMappingSize;
    private readonly uint _typeMappingTailPadding; // struct dds_type_meta_ser is 16 bytes (pointer + uint32 + 4 padding)
    public uint RestrictDataRepresentation;
}
