using System.Globalization;
using System.Runtime.InteropServices;
using CvM.Ros.Dds.Native;
using CvM.Ros.Dds.Types;

namespace CvM.Ros.Tests.Dds;

/// <summary>The managed mirrors of Cyclone's public structs against sizeof/offsetof printed by a C program built on the installed headers.</summary>
public sealed class NativeLayoutTests
{
    private static readonly Lazy<Dictionary<string, int>> Layout = new(() =>
        CyclonePeer.Run("layout").Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split(' '))
            .ToDictionary(p => p[0], p => int.Parse(p[1], CultureInfo.InvariantCulture)));

    [Fact]
    public void TopicDescriptor_ManagedMirror_MatchesHeaderLayout()
    {
        var c = Layout.Value;
        Assert.Equal(96, c["dds_topic_descriptor_t.size"]);
        Assert.Equal(c["dds_topic_descriptor_t.size"], Marshal.SizeOf<DdsTopicDescriptorNative>());
        Assert.Equal(c["dds_topic_descriptor_t.m_typename"], Off<DdsTopicDescriptorNative>("TypeName"));
        Assert.Equal(c["dds_topic_descriptor_t.m_nops"], Off<DdsTopicDescriptorNative>("NOps"));
        Assert.Equal(c["dds_topic_descriptor_t.m_ops"], Off<DdsTopicDescriptorNative>("Ops"));
        Assert.Equal(c["dds_topic_descriptor_t.m_meta"], Off<DdsTopicDescriptorNative>("Meta"));
        Assert.Equal(c["dds_topic_descriptor_t.type_information"], Off<DdsTopicDescriptorNative>("TypeInformationData"));
        Assert.Equal(c["dds_topic_descriptor_t.type_mapping"], Off<DdsTopicDescriptorNative>("TypeMappingData"));
        Assert.Equal(c["dds_topic_descriptor_t.restrict_data_representation"], Off<DdsTopicDescriptorNative>("RestrictDataRepresentation"));
    }

    [Fact]
    public void SampleInfoAndStatuses_ManagedMirrors_MatchHeaderLayout()
    {
        var c = Layout.Value;
        Assert.Equal(c["dds_sample_info_t.size"], Marshal.SizeOf<DdsSampleInfoNative>());
        Assert.Equal(c["dds_sample_info_t.valid_data"], Off<DdsSampleInfoNative>("ValidData"));
        Assert.Equal(c["dds_sample_info_t.source_timestamp"], Off<DdsSampleInfoNative>("SourceTimestampNs"));
        Assert.Equal(c["dds_sample_info_t.publication_handle"], Off<DdsSampleInfoNative>("PublicationHandle"));
        Assert.Equal(c["dds_publication_matched_status_t.size"], Marshal.SizeOf<PublicationMatchedStatusNative>());
        Assert.Equal(c["dds_publication_matched_status_t.current_count"], Off<PublicationMatchedStatusNative>("CurrentCount"));
        Assert.Equal(c["dds_subscription_matched_status_t.size"], Marshal.SizeOf<SubscriptionMatchedStatusNative>());
        Assert.Equal(c["dds_requested_incompatible_qos_status_t.size"], Marshal.SizeOf<IncompatibleQosStatusNative>());
        Assert.Equal(c["dds_guid_t.size"], Marshal.SizeOf<DdsGuidNative>());
        Assert.Equal(c["dds_sample_lost_status_t.size"], Marshal.SizeOf<SampleLostStatusNative>());
        Assert.Equal(c["dds_sample_lost_status_t.total_count_change"], Off<SampleLostStatusNative>("TotalCountChange"));
        Assert.Equal(24, c["dds_sample_rejected_status_t.size"]);
        Assert.Equal(c["dds_sample_rejected_status_t.size"], Marshal.SizeOf<SampleRejectedStatusNative>());
        Assert.Equal(c["dds_sample_rejected_status_t.last_reason"], Off<SampleRejectedStatusNative>("LastReason"));
        Assert.Equal(c["dds_sample_rejected_status_t.last_instance_handle"], Off<SampleRejectedStatusNative>("LastInstanceHandle"));
        Assert.Equal(c["ddsrt_iovec_t.size"], Marshal.SizeOf<IoVecNative>());
        Assert.Equal(DdsNative.SerdataTypeOffset, c["ddsi_serdata.type"]);
        Assert.Equal(CSampleLayout.SequenceSize, c["dds_sequence_t.size"]);
    }

    private static int Off<T>(string field) => (int)Marshal.OffsetOf<T>(field);
}
