namespace CvM.Bags.Replay;

/// <summary>What a replay delivered.</summary>
/// <param name="MessagesByTopic">Messages written to the sinks, per topic.</param>
/// <param name="MessageCount">All messages written.</param>
/// <param name="FirstLogTimeNs">Log time of the first message (0 when none).</param>
/// <param name="LastLogTimeNs">Log time of the last message (0 when none).</param>
/// <param name="Elapsed">Wall time of the replay.</param>
public sealed record BagReplayResult(
    IReadOnlyDictionary<string, long> MessagesByTopic,
    long MessageCount,
    long FirstLogTimeNs,
    long LastLogTimeNs,
    TimeSpan Elapsed);
