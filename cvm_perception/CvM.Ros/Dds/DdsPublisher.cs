using CvM.Messages;
using CvM.Messages.Cdr;

namespace CvM.Ros.Dds;

/// <summary>
/// Typed publishing over a <see cref="DdsWriter"/>: each message is encoded (XCDR1, little endian) into one
/// <see cref="PooledBufferWriter"/> owned and reused by this publisher, then written raw; steady-state publishing
/// allocates nothing here. Owns the writer (disposing the publisher disposes it). Thread-safe (publishes are serialized).
/// </summary>
public sealed class DdsPublisher<T> : IDisposable where T : IRosMessage<T>
{
    private readonly Lock _gate = new();
    private readonly PooledBufferWriter _buffer = new(64 * 1024);
    private bool _disposed;

    /// <summary>Wraps <paramref name="writer"/>, whose type must be <typeparamref name="T"/>'s ROS type.</summary>
    public DdsPublisher(DdsWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (writer.Type.RosType != T.RosType)
            throw new ArgumentException($"writer carries {writer.Type.RosType}, not {T.RosType}", nameof(writer));
        Writer = writer;
    }

    /// <summary>The underlying writer (matched counts, GUID).</summary>
    public DdsWriter Writer { get; }

    /// <summary>Encodes <paramref name="message"/> into the pooled buffer and writes it.</summary>
    /// <exception cref="CdrException">The message breaks its type's rules (e.g. a fixed array of the wrong length).</exception>
    public void Publish(T message)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _buffer.Clear();
            CdrCodec.Serialize(message, _buffer);
            Writer.WriteRaw(_buffer.WrittenSpan);
        }
    }

    /// <summary>Disposes the writer and returns the pooled buffer.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed) return;
            _disposed = true;
            Writer.Dispose();
            _buffer.Dispose();
        }
    }
}
