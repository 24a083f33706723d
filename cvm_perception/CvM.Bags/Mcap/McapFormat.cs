namespace CvM.Bags.Mcap;

/// <summary>Constants of the MCAP file layout.</summary>
internal static class McapFormat
{
    /// <summary>Magic at the start and the end of every MCAP file: <c>0x89 M C A P 0 \r \n</c>.</summary>
    public static ReadOnlySpan<byte> Magic => [0x89, (byte)'M', (byte)'C', (byte)'A', (byte)'P', (byte)'0', (byte)'\r', (byte)'\n'];

    public const int MagicLength = 8;

    /// <summary>Opcode (1) + record length (8).</summary>
    public const int RecordHeaderLength = 9;

    /// <summary>Footer content: summary_start, summary_offset_start (u64 each), summary_crc (u32).</summary>
    public const int FooterContentLength = 20;

    /// <summary>DataEnd content: data_section_crc (u32).</summary>
    public const int DataEndContentLength = 4;

    /// <summary>The rosbag2 profile name in the MCAP header.</summary>
    public const string Ros2Profile = "ros2";

    /// <summary>Channel metadata key holding the YAML QoS profiles.</summary>
    public const string QosMetadataKey = "offered_qos_profiles";

    /// <summary>Channel metadata key holding the RIHS01 type hash (Jazzy).</summary>
    public const string TypeHashMetadataKey = "topic_type_hash";
}
