using System.Buffers;
using System.Buffers.Binary;
using System.IO.Hashing;

namespace CvM.Bags.Mcap;

/// <summary>Reading without indexes: a linear scan of the data section (file order), used for unfinished or damaged files.</summary>
public sealed partial class McapStorageReader
{
    /// <summary>One record found while walking a span: opcode, offset of its header, content range.</summary>
    private readonly record struct RecordSpan(McapOpcode Opcode, int Offset, int ContentStart, int ContentLength);

    private IEnumerable<BagMessage> ReadScan(BagReadFilter filter)
    {
        var crc = _options.VerifyCrc ? new Crc32() : null;
        crc?.Append(McapFormat.Magic);
        var header = new byte[McapFormat.RecordHeaderLength];
        var record = ArrayPool<byte>.Shared.Rent(1 << 16);
        byte[]? chunkBuffer = null;
        long ordinal = 0;
        try
        {
            for (long pos = McapFormat.MagicLength; ;)
            {
                if (pos == _length) yield break;
                if (!ReadExactly(pos, header))
                {
                    _errors.Report(Error(BagErrorKind.Truncated, pos, "record header", $"the file ends (at {_length}) inside a record header"));
                    yield break;
                }
                var opcode = (McapOpcode)header[0];
                var length = BinaryPrimitives.ReadUInt64LittleEndian(header.AsSpan(1));
                if (length > (ulong)(_length - pos - McapFormat.RecordHeaderLength))
                {
                    _errors.Report(Error(BagErrorKind.Truncated, pos, opcode.ToString(),
                        $"a record of {length} bytes runs past the end of the file ({_length} bytes)"));
                    yield break;
                }
                if (length > int.MaxValue - 64)
                {
                    _errors.Report(Error(BagErrorKind.InvalidRecord, pos, opcode.ToString(), $"record length {length} is too large"));
                    yield break;
                }
                var len = (int)length;
                if (record.Length < len + McapFormat.RecordHeaderLength)
                {
                    ArrayPool<byte>.Shared.Return(record);
                    record = ArrayPool<byte>.Shared.Rent(len + McapFormat.RecordHeaderLength);
                }
                header.CopyTo(record, 0);
                if (!ReadExactly(pos + McapFormat.RecordHeaderLength, record.AsSpan(McapFormat.RecordHeaderLength, len)))
                {
                    _errors.Report(Error(BagErrorKind.Truncated, pos, opcode.ToString(), "the record could not be read whole"));
                    yield break;
                }
                var recordOffset = pos;
                pos += McapFormat.RecordHeaderLength + len;
                if (opcode == McapOpcode.DataEnd)
                {
                    CheckDataEnd(record.AsSpan(McapFormat.RecordHeaderLength, len), crc, recordOffset);
                    yield break;
                }
                if (opcode == McapOpcode.Footer) yield break;
                crc?.Append(record.AsSpan(0, McapFormat.RecordHeaderLength + len));
                switch (opcode)
                {
                    case McapOpcode.Schema:
                    case McapOpcode.Channel:
                        RegisterInScan(opcode, record.AsSpan(McapFormat.RecordHeaderLength, len), recordOffset);
                        break;
                    case McapOpcode.Message:
                        if (TryTopLevelMessage(record, len, recordOffset, filter, ordinal, out var top)) yield return top;
                        ordinal++;
                        break;
                    case McapOpcode.Chunk:
                        var chunkOrdinal = ordinal++;
                        if (!ChunkMayMatch(record.AsSpan(McapFormat.RecordHeaderLength, len), filter)) break;
                        if (DecodeChunk(record.AsSpan(0, McapFormat.RecordHeaderLength + len), recordOffset, chunkOrdinal, out var decoded, out var innerException) is { } fault)
                        {
                            _errors.Report(fault, innerException);
                            break;
                        }
                        if (chunkBuffer is not null) ReturnBuffer(chunkBuffer);
                        chunkBuffer = decoded.Buffer;
                        var source = decoded.Buffer ?? record;
                        var records = WalkRecords(source.AsSpan(decoded.Start, decoded.Length), recordOffset, chunkOrdinal);
                        foreach (var r in records)
                        {
                            if (r.Opcode is McapOpcode.Schema or McapOpcode.Channel)
                            {
                                RegisterInScan(r.Opcode, source.AsSpan(decoded.Start + r.ContentStart, r.ContentLength), recordOffset);
                            }
                            else if (r.Opcode == McapOpcode.Message
                                && TryChunkMessage(source, decoded.Start, r, filter, chunkOrdinal, out var inner))
                            {
                                yield return inner;
                            }
                        }
                        break;
                    default:
                        break;
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(record);
            if (chunkBuffer is not null) ReturnBuffer(chunkBuffer);
        }
    }

    private void CheckDataEnd(ReadOnlySpan<byte> content, Crc32? crc, long offset)
    {
        if (crc is null || content.Length < 4) return;
        var stored = BinaryPrimitives.ReadUInt32LittleEndian(content);
        var actual = crc.GetCurrentHashAsUInt32();
        if (stored != 0 && stored != actual)
            _errors.Report(Error(BagErrorKind.CrcMismatch, offset, "DataEnd", $"data section CRC {actual:X8} differs from the stored {stored:X8}"));
    }

    private static bool ChunkMayMatch(ReadOnlySpan<byte> content, BagReadFilter filter) =>
        content.Length < 16 || filter.OverlapsTime((long)BinaryPrimitives.ReadUInt64LittleEndian(content), (long)BinaryPrimitives.ReadUInt64LittleEndian(content[8..]));

    private void RegisterInScan(McapOpcode opcode, ReadOnlySpan<byte> content, long offset)
    {
        try
        {
            if (opcode == McapOpcode.Schema) RegisterSchema(content, offset);
            else ResolveTopic(RegisterChannel(content, offset));
        }
        catch (McapFormatException e)
        {
            _errors.Report(Error(BagErrorKind.InvalidRecord, offset, opcode.ToString(), e.Message));
        }
    }

    /// <summary>Lists the records inside a decompressed chunk; a record running past the end is reported and ends the list.</summary>
    private List<RecordSpan> WalkRecords(ReadOnlySpan<byte> span, long chunkOffset, long chunkOrdinal)
    {
        var list = new List<RecordSpan>();
        for (var pos = 0; pos < span.Length;)
        {
            var len = pos + McapFormat.RecordHeaderLength <= span.Length ? BinaryPrimitives.ReadUInt64LittleEndian(span[(pos + 1)..]) : ulong.MaxValue;
            if (len > (ulong)(span.Length - pos - McapFormat.RecordHeaderLength))
            {
                _errors.Report(Error(BagErrorKind.InvalidRecord, chunkOffset, $"Chunk #{chunkOrdinal} record at {pos}", "a record runs past the end of its chunk"));
                break;
            }
            list.Add(new RecordSpan((McapOpcode)span[pos], pos, pos + McapFormat.RecordHeaderLength, (int)len));
            pos += McapFormat.RecordHeaderLength + (int)len;
        }
        return list;
    }

    private bool TryTopLevelMessage(byte[] record, int len, long offset, BagReadFilter filter, long ordinal, out BagMessage message) =>
        TryMessage(record, 0, new RecordSpan(McapOpcode.Message, 0, McapFormat.RecordHeaderLength, len), filter, ordinal << 32, offset, out message);

    private bool TryChunkMessage(byte[] source, int start, RecordSpan r, BagReadFilter filter, long chunkOrdinal, out BagMessage message) =>
        TryMessage(source, start, r, filter, (chunkOrdinal << 32) | (uint)r.Offset, null, out message);

    private bool TryMessage(byte[] source, int start, RecordSpan r, BagReadFilter filter, long fileOrder, long? offset, out BagMessage message)
    {
        message = default;
        if (r.ContentLength < 22)
        {
            _errors.Report(Error(BagErrorKind.InvalidRecord, offset, "Message", $"message record of {r.ContentLength} bytes is shorter than its fixed fields"));
            return false;
        }
        var content = source.AsSpan(start + r.ContentStart, r.ContentLength);
        var channelId = BinaryPrimitives.ReadUInt16LittleEndian(content);
        if (!_channels.TryGetValue(channelId, out var channel))
        {
            _errors.Report(Error(BagErrorKind.InvalidRecord, offset, "Message", $"message of channel {channelId}, which no Channel record defined before it"));
            return false;
        }
        if (channel.Topic is null || !filter.KeepsTopic(channel.TopicName)) return false;
        var logTime = (long)BinaryPrimitives.ReadUInt64LittleEndian(content[6..]);
        if (!filter.KeepsTime(logTime)) return false;
        var publishTime = (long)BinaryPrimitives.ReadUInt64LittleEndian(content[14..]);
        message = new BagMessage(channel.Topic, logTime, publishTime,
            source.AsMemory(start + r.ContentStart + 22, r.ContentLength - 22), FileIndex, fileOrder);
        return true;
    }
}
