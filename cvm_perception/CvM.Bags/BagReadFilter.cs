namespace CvM.Bags;

/// <summary>Which messages to read: a topic set and an inclusive log-time range (nanoseconds since epoch).</summary>
/// <param name="Topics">Topic names to keep; null keeps every topic.</param>
/// <param name="StartTimeNs">Smallest log time kept (inclusive); null for no bound.</param>
/// <param name="EndTimeNs">Largest log time kept (inclusive); null for no bound.</param>
public sealed record BagReadFilter(IReadOnlySet<string>? Topics = null, long? StartTimeNs = null, long? EndTimeNs = null)
{
    /// <summary>Keeps everything.</summary>
    public static BagReadFilter All { get; } = new();

    /// <summary>Keeps only <paramref name="topics"/>.</summary>
    public static BagReadFilter ForTopics(params string[] topics) => new(new HashSet<string>(topics, StringComparer.Ordinal));

    /// <summary>True when <paramref name="topic"/> passes the topic filter.</summary>
    public bool KeepsTopic(string topic) => Topics is null || Topics.Contains(topic);

    /// <summary>True when <paramref name="logTimeNs"/> lies in the time range.</summary>
    public bool KeepsTime(long logTimeNs) =>
        (StartTimeNs is not { } s || logTimeNs >= s) && (EndTimeNs is not { } e || logTimeNs <= e);

    /// <summary>True when the closed range [<paramref name="startNs"/>, <paramref name="endNs"/>] meets the time range.</summary>
    public bool OverlapsTime(long startNs, long endNs) =>
        (StartTimeNs is not { } s || endNs >= s) && (EndTimeNs is not { } e || startNs <= e);
}
