namespace CvM.Bags.Mcap;

/// <summary>A parsed MCAP Channel record, where it was found, and the topic built from it.</summary>
internal sealed record McapChannelInfo(ushort Id, ushort SchemaId, string TopicName, string MessageEncoding,
    IReadOnlyDictionary<string, string> Metadata, long Offset)
{
    /// <summary>The bag topic (set once the schema is known); null while unresolved or excluded.</summary>
    public BagTopic? Topic { get; set; }
}
