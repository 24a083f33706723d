namespace CvM.Ros.Dds;

/// <summary>
/// One reading of a <see cref="DdsReader"/>'s counters (a value; owns nothing). Every sample a matched writer sent
/// ends in exactly one of: taken (<see cref="Taken"/>, of which <see cref="ChannelDropped"/> were later dropped from
/// the bounded channel before a consumer read them), <see cref="OversizeRejected"/>, <see cref="SampleLost"/>,
/// <see cref="SampleRejected"/>, or a loss Cyclone does not report (a KEEP_LAST history overwritten before the take,
/// a best-effort sample lost with no later sample from the same writer), which only the writer's side can count.
/// </summary>
/// <param name="Taken">samples taken from Cyclone and posted to the channel.</param>
/// <param name="ChannelDropped">taken samples dropped because the channel was full (oldest first).</param>
/// <param name="OversizeRejected">samples discarded for exceeding <see cref="DdsReaderOptions.MaxSampleBytes"/>.</param>
/// <param name="SampleLost">Cyclone's sample-lost total count.</param>
/// <param name="SampleRejected">Cyclone's sample-rejected total count.</param>
public readonly record struct DdsReaderCounters(long Taken, long ChannelDropped, long OversizeRejected, long SampleLost, long SampleRejected)
{
    /// <summary>Samples known lost on this side: channel drops, oversize rejections, Cyclone's lost and rejected.</summary>
    public long Lost => ChannelDropped + OversizeRejected + SampleLost + SampleRejected;
}
