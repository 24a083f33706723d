using System.Buffers;
using System.Collections.Concurrent;
using System.IO.Hashing;

namespace CvM.Bags.Mcap;

/// <summary>
/// Loading chunks: read, decompress into one pooled buffer, CRC check. <see cref="LoadChunk"/> runs on read-ahead
/// workers, so it touches only immutable reader state (file handle, chunk indexes, options) and hands faults back
/// as values that the consumer reports in sequence. Chunk buffers are rented from <see cref="ArrayPool{T}.Shared"/>
/// through <see cref="RentBuffer"/>/<see cref="ReturnBuffer"/>, which count them.
/// </summary>
public sealed partial class McapStorageReader
{
    private readonly ConcurrentBag<McapChunkCodec> _codecs = [];
    private readonly HashSet<IDisposable> _activeReads = [];
    private int _rentedBuffers;
    private bool _disposed;

    /// <summary>Chunk buffers rented from the pool and not yet returned (0 whenever no enumeration is live).</summary>
    internal int RentedChunkBuffers => Volatile.Read(ref _rentedBuffers);

    /// <summary>Decompressed records of one chunk in a pooled buffer: <c>Buffer[Start..Start+Length]</c>.</summary>
    private readonly record struct LoadedChunk(byte[] Buffer, int Start, int Length, int Ordinal);

    /// <summary>Decoded chunk: either a new pooled <c>Buffer</c> or, for an uncompressed chunk, a range of the record (<c>Buffer</c> null).</summary>
    private readonly record struct DecodedChunk(byte[]? Buffer, int Start, int Length, long StartTime, long EndTime);

    /// <summary>What a worker made of one chunk: the loaded chunk (owned by whoever takes it), or the fault to report.</summary>
    private readonly record struct ChunkLoad(LoadedChunk Chunk, BagReadError? Error, Exception? Inner);

    private byte[] RentBuffer(int length)
    {
        Interlocked.Increment(ref _rentedBuffers);
        return ArrayPool<byte>.Shared.Rent(Math.Max(length, 1));
    }

    private void ReturnBuffer(byte[] buffer)
    {
        ArrayPool<byte>.Shared.Return(buffer);
        Interlocked.Decrement(ref _rentedBuffers);
    }

    private McapChunkCodec RentCodec() => _codecs.TryTake(out var codec) ? codec : new McapChunkCodec();

    private void ReturnCodec(McapChunkCodec codec) => _codecs.Add(codec);

    /// <summary>Returns the buffer of a load that is dropped (never taken, or taken after cancellation).</summary>
    private void ReleaseLoad(ChunkLoad load)
    {
        if (load.Chunk.Buffer is not null) ReturnBuffer(load.Chunk.Buffer);
    }

    /// <summary>Registers a running read-ahead so <see cref="Dispose"/> can stop it before the file closes.</summary>
    private void TrackRead(IDisposable read, bool active)
    {
        lock (_activeReads)
        {
            ObjectDisposedException.ThrowIf(active && _disposed, this);
            if (active) _activeReads.Add(read);
            else _activeReads.Remove(read);
        }
    }

    private void StopActiveReads()
    {
        List<IDisposable> reads;
        lock (_activeReads)
        {
            _disposed = true;
            reads = [.. _activeReads];
            _activeReads.Clear();
        }
        foreach (var r in reads) r.Dispose();
    }

    /// <summary>
    /// Reads, checks and decompresses chunk <paramref name="ordinal"/> (thread-safe: runs on read-ahead workers).
    /// Throws <see cref="OperationCanceledException"/> only before it rents anything.
    /// </summary>
    private ChunkLoad LoadChunk(int ordinal, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var ci = _chunkIndexes[ordinal];
        if (ci.ChunkLength < McapFormat.RecordHeaderLength || ci.ChunkLength > int.MaxValue || ci.ChunkStartOffset + ci.ChunkLength > _length)
        {
            return Fail(BagErrorKind.Truncated, ci.ChunkStartOffset, ordinal,
                $"the chunk of {ci.ChunkLength} bytes runs past the end of the file ({_length} bytes)");
        }
        var length = (int)ci.ChunkLength;
        var raw = RentBuffer(length);
        var keepRaw = false;
        try
        {
            if (!ReadExactly(ci.ChunkStartOffset, raw.AsSpan(0, length)))
                return Fail(BagErrorKind.Truncated, ci.ChunkStartOffset, ordinal, "the chunk could not be read whole");
            if (raw[0] != (byte)McapOpcode.Chunk)
                return Fail(BagErrorKind.InvalidRecord, ci.ChunkStartOffset, ordinal, $"the chunk index points at opcode {raw[0]:X2}, not a Chunk");
            var error = DecodeChunk(raw.AsSpan(0, length), ci.ChunkStartOffset, ordinal, out var decoded, out var inner);
            if (error is not null) return new ChunkLoad(default, error, inner);
            keepRaw = decoded.Buffer is null;
            return new ChunkLoad(keepRaw
                ? new LoadedChunk(raw, decoded.Start, decoded.Length, ordinal)
                : new LoadedChunk(decoded.Buffer!, 0, decoded.Length, ordinal), null, null);
        }
        finally
        {
            if (!keepRaw) ReturnBuffer(raw);
        }
    }

    private ChunkLoad Fail(BagErrorKind kind, long offset, long ordinal, string detail) =>
        new(default, Error(kind, offset, ChunkName(ordinal), detail), null);

    private static string ChunkName(long ordinal) => $"Chunk #{ordinal}";

    /// <summary>
    /// Parses a whole Chunk record (header included), decompresses its records straight into one pooled buffer and
    /// checks their CRC (when <see cref="BagReadOptions.VerifyCrc"/>). Thread-safe. Returns the fault, or null with
    /// <paramref name="decoded"/> set; on a fault nothing stays rented.
    /// </summary>
    private BagReadError? DecodeChunk(ReadOnlySpan<byte> chunkRecord, long offset, long ordinal, out DecodedChunk decoded, out Exception? inner)
    {
        decoded = default;
        inner = null;
        long start, end, uncompressedSize;
        uint crc;
        string compression;
        int recordsStart, recordsLength;
        try
        {
            var r = new McapSpanReader(chunkRecord[McapFormat.RecordHeaderLength..]);
            start = r.Time();
            end = r.Time();
            uncompressedSize = (long)r.U64();
            crc = r.U32();
            compression = r.String();
            var records = r.BytesU64();
            recordsLength = records.Length;
            recordsStart = McapFormat.RecordHeaderLength + r.Position - recordsLength;
        }
        catch (McapFormatException e)
        {
            return Error(BagErrorKind.InvalidRecord, offset, ChunkName(ordinal), e.Message);
        }
        if (!McapChunkCodec.IsSupported(compression))
            return Error(BagErrorKind.UnsupportedCompression, offset, ChunkName(ordinal), $"chunk compression '{compression}' is not supported (none, zstd, lz4)");
        if (uncompressedSize > int.MaxValue - 64)
            return Error(BagErrorKind.InvalidRecord, offset, ChunkName(ordinal), $"uncompressed size {uncompressedSize} is too large");
        var size = (int)uncompressedSize;
        byte[]? target = null;
        ReadOnlySpan<byte> plain;
        if (compression.Length == 0)
        {
            if (recordsLength != size)
                return Error(BagErrorKind.InvalidRecord, offset, ChunkName(ordinal), $"uncompressed chunk holds {recordsLength} bytes, header says {size}");
            plain = chunkRecord.Slice(recordsStart, recordsLength);
        }
        else
        {
            target = RentBuffer(size);
            var codec = RentCodec();
            try
            {
                codec.Decompress(compression, chunkRecord.Slice(recordsStart, recordsLength), target, size);
            }
            catch (InvalidDataException e)
            {
                ReturnBuffer(target);
                inner = e;
                return Error(BagErrorKind.DecompressionFailed, offset, ChunkName(ordinal), $"{compression} chunk is corrupt: {e.Message}");
            }
            catch
            {
                ReturnBuffer(target);
                throw;
            }
            finally
            {
                ReturnCodec(codec);
            }
            plain = target.AsSpan(0, size);
        }
        if (_options.VerifyCrc && crc != 0)
        {
            var actual = Crc32.HashToUInt32(plain);
            if (actual != crc)
            {
                if (target is not null) ReturnBuffer(target);
                return Error(BagErrorKind.CrcMismatch, offset, ChunkName(ordinal), $"chunk CRC {actual:X8} differs from the stored {crc:X8}");
            }
        }
        decoded = target is null ? new DecodedChunk(null, recordsStart, recordsLength, start, end) : new DecodedChunk(target, 0, size, start, end);
        return null;
    }
}
