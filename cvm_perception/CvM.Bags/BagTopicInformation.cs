namespace CvM.Bags;

/// <summary>One entry of <c>topics_with_message_count</c> in <c>metadata.yaml</c>.</summary>
public sealed record BagTopicInformation(BagTopic Topic, long MessageCount);
