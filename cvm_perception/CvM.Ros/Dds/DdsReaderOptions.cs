namespace CvM.Ros.Dds;

/// <summary>
/// Reader-side buffering: <see cref="ChannelCapacity"/> samples wait in the bounded channel; when it is full the oldest
/// is dropped (counted in <see cref="DdsReader.DroppedCount"/>). <see cref="MaxSamplesPerTake"/> bounds one
/// <c>dds_takecdr</c> batch; <see cref="MaxSampleBytes"/> rejects (counts) larger samples instead of renting for them.
/// </summary>
public sealed record DdsReaderOptions(int ChannelCapacity = 8, int MaxSamplesPerTake = 16, int MaxSampleBytes = 64 * 1024 * 1024)
{
    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> for non-positive values.</summary>
    public DdsReaderOptions Validated()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(ChannelCapacity, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxSamplesPerTake, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxSamplesPerTake, 256);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxSampleBytes, 4);
        return this;
    }
}
