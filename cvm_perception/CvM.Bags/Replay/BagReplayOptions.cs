namespace CvM.Bags.Replay;

/// <summary>Options of <see cref="BagReplayer"/>.</summary>
/// <param name="Rate">0 replays as fast as the consumers take messages; r &gt; 0 replays at r times the recorded rate (1 = recorded).</param>
/// <param name="Filter">Extra topic / time-range filter (the sinks' topics always limit the topics).</param>
/// <param name="CompleteWriters">Complete every sink writer when the replay ends (with the error when it fails).</param>
public sealed record BagReplayOptions(double Rate = 0, BagReadFilter? Filter = null, bool CompleteWriters = true)
{
    /// <summary>As fast as possible.</summary>
    public static BagReplayOptions AsFastAsPossible { get; } = new();
}
