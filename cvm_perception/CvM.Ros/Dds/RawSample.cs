using System.Buffers;

namespace CvM.Ros.Dds;

/// <summary>
/// One received sample: serialized CDR (encapsulation header included) in <see cref="Buffer"/>[0..<see cref="Length"/>),
/// a buffer rented from <see cref="ArrayPool{T}.Shared"/>. Ownership: whoever reads the sample from
/// <see cref="DdsReader.Samples"/> owns the buffer and must call <see cref="Dispose"/> exactly once when done
/// (the reader disposes samples it drops itself). Do not use the buffer after disposing.
/// </summary>
public readonly struct RawSample : IDisposable
{
    internal RawSample(byte[] buffer, int length, long sourceTimestampNs, long receivedTimestampNs, ulong publicationHandle)
    {
        Buffer = buffer;
        Length = length;
        SourceTimestampNs = sourceTimestampNs;
        ReceivedTimestampNs = receivedTimestampNs;
        PublicationHandle = publicationHandle;
    }

    /// <summary>The pooled buffer; only the first <see cref="Length"/> bytes are the sample.</summary>
    public byte[] Buffer { get; }

    /// <summary>Bytes of CDR, header included.</summary>
    public int Length { get; }

    /// <summary>The sample bytes.</summary>
    public ReadOnlySpan<byte> Span => Buffer.AsSpan(0, Length);

    /// <summary>The writer's source timestamp (ns since the Unix epoch, <c>dds_time</c>).</summary>
    public long SourceTimestampNs { get; }

    /// <summary>When the reader thread took it (ns since the Unix epoch, same clock as <see cref="SourceTimestampNs"/>).</summary>
    public long ReceivedTimestampNs { get; }

    /// <summary>Cyclone's instance handle of the writer that sent it.</summary>
    public ulong PublicationHandle { get; }

    /// <summary>Returns the buffer to the pool.</summary>
    public void Dispose()
    {
        if (Buffer is not null) ArrayPool<byte>.Shared.Return(Buffer);
    }
}
