namespace CvM.Bags;

/// <summary>Counts and time span of one storage file (from MCAP statistics / sqlite aggregates, or a scan).</summary>
/// <param name="MessageCount">Number of messages in the file.</param>
/// <param name="StartTimeNs">Smallest log time (0 when empty).</param>
/// <param name="EndTimeNs">Largest log time (0 when empty).</param>
/// <param name="MessageCountByTopic">Messages per topic name.</param>
public sealed record BagStorageSummary(
    long MessageCount,
    long StartTimeNs,
    long EndTimeNs,
    IReadOnlyDictionary<string, long> MessageCountByTopic);
