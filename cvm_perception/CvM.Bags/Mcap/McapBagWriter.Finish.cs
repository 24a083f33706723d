using System.Buffers;
using System.IO.Hashing;
using ZstdSharp;

namespace CvM.Bags.Mcap;

/// <summary>Chunks, message indexes, summary and footer.</summary>
public sealed partial class McapBagWriter
{
    private void FlushChunk()
    {
        if (_chunk.Length == 0) return;
        var records = _chunk.Written;
        var crc = Crc32.HashToUInt32(records);
        ReadOnlySpan<byte> data = records;
        var compression = "";
        if (_zstd is not null)
        {
            var bound = Compressor.GetCompressBound(records.Length);
            if (_compressed.Length < bound)
            {
                if (_compressed.Length > 0) ArrayPool<byte>.Shared.Return(_compressed);
                _compressed = ArrayPool<byte>.Shared.Rent(bound);
            }
            var n = _zstd.Wrap(records, _compressed);
            data = _compressed.AsSpan(0, n);
            compression = "zstd";
        }
        var chunkStartOffset = _position;
        _out.Begin(McapOpcode.Chunk);
        _out.U64((ulong)_chunkStart);
        _out.U64((ulong)_chunkEnd);
        _out.U64((ulong)records.Length);
        _out.U32(crc);
        _out.String(compression);
        _out.U64((ulong)data.Length);
        _out.Bytes(data);
        _out.End();
        var chunkLength = _out.Length;
        Flush(crc: true);
        var offsets = new Dictionary<ushort, ulong>();
        foreach (var channel in _chunkIndex.Keys.Order())
        {
            var list = _chunkIndex[channel];
            if (list.Count == 0) continue;
            offsets[channel] = (ulong)(_position + _out.Length);
            _out.Begin(McapOpcode.MessageIndex);
            _out.U16(channel);
            _out.U32((uint)(list.Count * 16));
            foreach (var (time, offset) in list)
            {
                _out.U64(time);
                _out.U64(offset);
            }
            _out.End();
            list.Clear();
        }
        var messageIndexLength = _out.Length;
        Flush(crc: true);
        _chunkIndexes.Add(new McapChunkIndex(_chunkStart, _chunkEnd, chunkStartOffset, chunkLength, offsets, messageIndexLength,
            compression, data.Length, records.Length));
        _chunk.Clear();
        _chunkStart = long.MaxValue;
        _chunkEnd = long.MinValue;
    }

    private void FinishFile()
    {
        _out.Begin(McapOpcode.DataEnd);
        _out.U32(_dataCrc.GetCurrentHashAsUInt32());
        _out.End();
        Flush(crc: false);
        var summaryCrc = new Crc32();
        var summaryStart = _position;
        var groups = new List<(McapOpcode Opcode, long Start, long Length)>();
        void Group(McapOpcode opcode, Action write)
        {
            var start = _position;
            write();
            if (_out.Length == 0) return;
            summaryCrc.Append(_out.Written);
            Flush(crc: false);
            groups.Add((opcode, start, _position - start));
        }
        Group(McapOpcode.Schema, () => { foreach (var (id, d) in _schemas) WriteSchema(_out, id, d); });
        Group(McapOpcode.Channel, () => { foreach (var (id, schemaId, topic) in _channels) WriteChannel(_out, id, schemaId, topic); });
        Group(McapOpcode.Statistics, WriteStatistics);
        Group(McapOpcode.ChunkIndex, () => { foreach (var ci in _chunkIndexes) WriteChunkIndex(ci); });
        var summaryOffsetStart = _position;
        foreach (var (opcode, start, length) in groups)
        {
            _out.Begin(McapOpcode.SummaryOffset);
            _out.U8((byte)opcode);
            _out.U64((ulong)start);
            _out.U64((ulong)length);
            _out.End();
        }
        summaryCrc.Append(_out.Written);
        Flush(crc: false);
        // Footer: the summary CRC covers everything from summary_start through summary_offset_start.
        _out.U8((byte)McapOpcode.Footer);
        _out.U64(McapFormat.FooterContentLength);
        _out.U64((ulong)summaryStart);
        _out.U64((ulong)summaryOffsetStart);
        summaryCrc.Append(_out.Written);
        _out.U32(summaryCrc.GetCurrentHashAsUInt32());
        _out.Bytes(McapFormat.Magic);
        Flush(crc: false);
        _stream.Flush(flushToDisk: false);
    }

    private void WriteStatistics()
    {
        _out.Begin(McapOpcode.Statistics);
        _out.U64(_messageCount);
        _out.U16((ushort)_schemas.Count);
        _out.U32((uint)_channels.Count);
        _out.U32(0); // attachments
        _out.U32(0); // metadata
        _out.U32((uint)_chunkIndexes.Count);
        _out.U64(_messageCount == 0 ? 0 : (ulong)_messageStart);
        _out.U64(_messageCount == 0 ? 0 : (ulong)_messageEnd);
        _out.U16U64Map(_channelCounts);
        _out.End();
    }

    private void WriteChunkIndex(McapChunkIndex ci)
    {
        _out.Begin(McapOpcode.ChunkIndex);
        _out.U64((ulong)ci.MessageStartTime);
        _out.U64((ulong)ci.MessageEndTime);
        _out.U64((ulong)ci.ChunkStartOffset);
        _out.U64((ulong)ci.ChunkLength);
        _out.U16U64Map(ci.MessageIndexOffsets);
        _out.U64((ulong)ci.MessageIndexLength);
        _out.String(ci.Compression);
        _out.U64((ulong)ci.CompressedSize);
        _out.U64((ulong)ci.UncompressedSize);
        _out.End();
    }

    private BagMetadata BuildMetadata()
    {
        var start = _messageCount == 0 ? 0 : _messageStart;
        var duration = _messageCount == 0 ? 0 : _messageEnd - _messageStart;
        return new BagMetadata
        {
            Version = _options.MetadataVersion,
            StorageIdentifier = "mcap",
            StartingTimeNs = start,
            DurationNs = duration,
            MessageCount = (long)_messageCount,
            TopicsWithMessageCount = _channels.Select(c => new BagTopicInformation(c.Topic, (long)_channelCounts[c.Id])).ToList(),
            RelativeFilePaths = [FileName],
            Files = [new BagFileInformation(FileName, start, duration, (long)_messageCount)],
            RosDistro = _options.RosDistro,
        };
    }
}
