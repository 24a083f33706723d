using System.Buffers;

namespace CvM.Bags.Replay;

/// <summary>
/// A message handed to a replay channel. Ownership: the consumer that reads it from the channel owns it and
/// must <see cref="Dispose"/> it when done, which returns <see cref="Data"/>'s pooled buffer; <see cref="Data"/>
/// must not be used after that.
/// </summary>
public sealed class ReplayMessage : IDisposable
{
    private byte[]? _buffer;
    private readonly int _length;

    internal ReplayMessage(BagMessage source, long sequence)
    {
        Topic = source.Topic;
        LogTimeNs = source.LogTimeNs;
        PublishTimeNs = source.PublishTimeNs;
        Sequence = sequence;
        _length = source.Data.Length;
        _buffer = ArrayPool<byte>.Shared.Rent(Math.Max(_length, 1));
        source.Data.Span.CopyTo(_buffer);
    }

    /// <summary>The message's topic.</summary>
    public BagTopic Topic { get; }

    /// <summary>Log time in the bag, ns since epoch.</summary>
    public long LogTimeNs { get; }

    /// <summary>Publish time when the storage has one.</summary>
    public long? PublishTimeNs { get; }

    /// <summary>Position in the replay (0, 1, 2, ... over all topics): the same on every run of the same bag and filter.</summary>
    public long Sequence { get; }

    /// <summary>Raw CDR bytes (pooled; valid until <see cref="Dispose"/>).</summary>
    public ReadOnlyMemory<byte> Data =>
        _buffer is { } b ? b.AsMemory(0, _length) : throw new ObjectDisposedException(nameof(ReplayMessage));

    /// <summary>Returns the pooled buffer.</summary>
    public void Dispose()
    {
        var b = Interlocked.Exchange(ref _buffer, null);
        if (b is not null) ArrayPool<byte>.Shared.Return(b);
    }
}
