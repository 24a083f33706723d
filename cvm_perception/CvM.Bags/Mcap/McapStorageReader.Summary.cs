using System.Buffers;
using System.Buffers.Binary;
using System.IO.Hashing;

namespace CvM.Bags.Mcap;

/// <summary>Footer, summary section and data-section CRC.</summary>
public sealed partial class McapStorageReader
{
    private const int FooterRecordLength = McapFormat.RecordHeaderLength + McapFormat.FooterContentLength;

    private long _statisticsMessageCount = -1;
    private long _statisticsStart;
    private long _statisticsEnd;
    private Dictionary<ushort, ulong>? _statisticsChannelCounts;
    private long _dataEndOffset = -1;

    /// <summary>Reads footer and summary; true when the file can be read through its indexes.</summary>
    private bool TryLoadSummary()
    {
        var footerOffset = _length - McapFormat.MagicLength - FooterRecordLength;
        Span<byte> tail = stackalloc byte[FooterRecordLength + McapFormat.MagicLength];
        if (footerOffset < McapFormat.MagicLength || !ReadExactly(footerOffset, tail)
            || !tail[FooterRecordLength..].SequenceEqual(McapFormat.Magic)
            || tail[0] != (byte)McapOpcode.Footer
            || BinaryPrimitives.ReadUInt64LittleEndian(tail[1..]) != McapFormat.FooterContentLength)
        {
            _errors.Report(Error(BagErrorKind.Truncated, _length, "Footer",
                $"no footer and closing magic at the end of the file ({_length} bytes): the file is truncated or was not closed"));
            return false;
        }
        var summaryStart = (long)BinaryPrimitives.ReadUInt64LittleEndian(tail[9..]);
        var summaryCrc = BinaryPrimitives.ReadUInt32LittleEndian(tail[25..]);
        if (summaryStart == 0) return false;
        if (summaryStart < McapFormat.MagicLength || summaryStart > footerOffset)
        {
            _errors.Report(Error(BagErrorKind.InvalidRecord, footerOffset, "Footer", $"summary_start {summaryStart} lies outside the file"));
            return false;
        }
        var summaryLength = (int)(footerOffset - summaryStart);
        var summary = ArrayPool<byte>.Shared.Rent(summaryLength + FooterRecordLength);
        try
        {
            if (!ReadExactly(summaryStart, summary.AsSpan(0, summaryLength + FooterRecordLength)))
            {
                _errors.Report(Error(BagErrorKind.Truncated, summaryStart, "Summary", "the summary section runs past the end of the file"));
                return false;
            }
            if (_options.VerifyCrc && summaryCrc != 0)
            {
                // The summary CRC covers the summary section and the footer up to (not including) summary_crc.
                var actual = Crc32.HashToUInt32(summary.AsSpan(0, summaryLength + FooterRecordLength - 4));
                if (actual != summaryCrc)
                {
                    _errors.Report(Error(BagErrorKind.CrcMismatch, summaryStart, "Summary",
                        $"summary CRC {actual:X8} differs from the footer's {summaryCrc:X8}"));
                    return false;
                }
            }
            if (!ParseSummary(summary.AsSpan(0, summaryLength), summaryStart)) return false;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(summary);
        }
        _dataEndOffset = summaryStart - McapFormat.RecordHeaderLength - McapFormat.DataEndContentLength;
        _chunkIndexes.Sort((a, b) => a.ChunkStartOffset.CompareTo(b.ChunkStartOffset));
        // Chunk indexes and the channels they refer to are needed to seek; otherwise scan.
        return _chunkIndexes.Count > 0 && _channels.Count > 0;
    }

    private bool ParseSummary(ReadOnlySpan<byte> summary, long summaryStart)
    {
        var pos = 0;
        while (pos < summary.Length)
        {
            var offset = summaryStart + pos;
            if (summary.Length - pos < McapFormat.RecordHeaderLength)
            {
                _errors.Report(Error(BagErrorKind.InvalidRecord, offset, "Summary", "a record header runs past the summary section"));
                return false;
            }
            var opcode = (McapOpcode)summary[pos];
            var length = BinaryPrimitives.ReadUInt64LittleEndian(summary[(pos + 1)..]);
            if (length > (ulong)(summary.Length - pos - McapFormat.RecordHeaderLength))
            {
                _errors.Report(Error(BagErrorKind.InvalidRecord, offset, opcode.ToString(), $"record length {length} runs past the summary section"));
                return false;
            }
            var content = summary.Slice(pos + McapFormat.RecordHeaderLength, (int)length);
            try
            {
                switch (opcode)
                {
                    case McapOpcode.Schema: RegisterSchema(content, offset); break;
                    case McapOpcode.Channel: RegisterChannel(content, offset); break;
                    case McapOpcode.ChunkIndex: _chunkIndexes.Add(McapChunkIndex.Parse(content)); break;
                    case McapOpcode.Statistics: ParseStatistics(content); break;
                    default: break;
                }
            }
            catch (McapFormatException e)
            {
                _errors.Report(Error(BagErrorKind.InvalidRecord, offset, opcode.ToString(), e.Message));
                return false;
            }
            pos += McapFormat.RecordHeaderLength + (int)length;
        }
        return true;
    }

    private void ParseStatistics(ReadOnlySpan<byte> content)
    {
        var r = new McapSpanReader(content);
        _statisticsMessageCount = (long)r.U64();
        r.U16(); // schema_count
        r.U32(); // channel_count
        r.U32(); // attachment_count
        r.U32(); // metadata_count
        r.U32(); // chunk_count
        _statisticsStart = r.Time();
        _statisticsEnd = r.Time();
        _statisticsChannelCounts = r.U16U64Map();
    }

    /// <summary>Summary from the Statistics record when present (topics left out for unsupported schemas are not counted).</summary>
    private BagStorageSummary? SummaryFromStatistics()
    {
        if (_statisticsChannelCounts is null || _statisticsMessageCount < 0) return null;
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        long total = 0;
        foreach (var (id, n) in _statisticsChannelCounts)
        {
            if (!_channels.TryGetValue(id, out var c) || c.Topic is null) continue;
            counts[c.Topic.Name] = counts.GetValueOrDefault(c.Topic.Name) + (long)n;
            total += (long)n;
        }
        return new BagStorageSummary(total, _statisticsStart, _statisticsEnd, counts);
    }

    /// <summary>Streams the data section through CRC32 and compares it with the DataEnd record.</summary>
    private void VerifyDataSectionCrc()
    {
        Span<byte> dataEnd = stackalloc byte[McapFormat.RecordHeaderLength + McapFormat.DataEndContentLength];
        if (_dataEndOffset < McapFormat.MagicLength || !ReadExactly(_dataEndOffset, dataEnd) || dataEnd[0] != (byte)McapOpcode.DataEnd)
            return; // no DataEnd right before the summary: nothing to check against
        var stored = BinaryPrimitives.ReadUInt32LittleEndian(dataEnd[McapFormat.RecordHeaderLength..]);
        if (stored == 0) return;
        var crc = new Crc32();
        var buffer = ArrayPool<byte>.Shared.Rent(1 << 20);
        try
        {
            for (long pos = 0; pos < _dataEndOffset;)
            {
                var n = (int)Math.Min(buffer.Length, _dataEndOffset - pos);
                if (!ReadExactly(pos, buffer.AsSpan(0, n))) break;
                crc.Append(buffer.AsSpan(0, n));
                pos += n;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        var actual = crc.GetCurrentHashAsUInt32();
        if (actual != stored)
            _errors.Report(Error(BagErrorKind.CrcMismatch, _dataEndOffset, "DataEnd", $"data section CRC {actual:X8} differs from the stored {stored:X8}"));
    }
}
