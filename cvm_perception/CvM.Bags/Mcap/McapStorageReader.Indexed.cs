using System.Buffers;
using System.Buffers.Binary;
using CvM.Bags.Internal;

namespace CvM.Bags.Mcap;

/// <summary>Reading through the summary: chunk indexes pick the chunks, message indexes the messages.</summary>
public sealed partial class McapStorageReader
{
    /// <summary>A message located by a message index: log time, chunk ordinal (file order), slot of the loaded chunk, offset in it.</summary>
    private readonly record struct IndexEntry(long LogTime, int ChunkOrdinal, int Slot, long Offset);

    private static readonly Comparison<IndexEntry> EntryOrder = (a, b) =>
    {
        var c = a.LogTime.CompareTo(b.LogTime);
        if (c != 0) return c;
        c = a.ChunkOrdinal.CompareTo(b.ChunkOrdinal);
        return c != 0 ? c : a.Offset.CompareTo(b.Offset);
    };

    private IEnumerable<BagMessage> ReadIndexed(BagReadFilter filter)
    {
        var selected = SelectedChannels(filter);
        if (selected.Count == 0) yield break;
        var candidates = new List<int>();
        for (var i = 0; i < _chunkIndexes.Count; i++)
        {
            var ci = _chunkIndexes[i];
            if (!filter.OverlapsTime(ci.MessageStartTime, ci.MessageEndTime)) continue;
            if (ci.MessageIndexOffsets.Count > 0 && !ci.MessageIndexOffsets.Keys.Any(selected.Contains)) continue;
            candidates.Add(i);
        }
        candidates.Sort((a, b) =>
        {
            var c = _chunkIndexes[a].MessageStartTime.CompareTo(_chunkIndexes[b].MessageStartTime);
            return c != 0 ? c : a.CompareTo(b);
        });
        // Slot -> loaded chunk (null once its buffer went back to the pool) and how many of its entries are still to yield.
        var loaded = new List<LoadedChunk?>();
        var pending = new List<int>();
        var entries = new PooledList<IndexEntry>();
        // Chunks are loaded in candidate order, up to ReadAheadChunks of them ahead on workers; faults come back as
        // values and are reported here, in sequence, so strict mode throws where the sequential reader would.
        var prefetch = new OrderedPrefetcher<ChunkLoad>(candidates, LoadChunk, ReleaseLoad, _options.ReadAheadChunks, CancellationToken.None);
        // The disk reads run ahead of the loads: the page-cache hint covers the chunks being loaded plus HintedChunksAhead more.
        var hinted = HintChunks(candidates, 0, taken: 0);
        try
        {
            TrackRead(prefetch, active: true);
            for (var k = 0; k < candidates.Count; k++)
            {
                var load = prefetch.Take();
                hinted = HintChunks(candidates, hinted, k + 1);
                if (load.Error is { } error)
                {
                    _errors.Report(error, load.Inner);
                }
                else
                {
                    var before = entries.Count;
                    loaded.Add(load.Chunk);
                    CollectEntries(load.Chunk.Ordinal, loaded.Count - 1, load.Chunk, selected, filter, entries);
                    pending.Add(entries.Count - before);
                    if (pending[^1] == 0) ReleaseSlot(loaded, loaded.Count - 1);
                }
                // Streaming merge by log time: candidates are sorted by their first log time, so nothing still to load
                // can come before the next candidate's start. Entries before it go out now, in (time, chunk, offset)
                // order; the rest wait to be merged with the next chunks (chunks whose ranges touch or overlap).
                var watermark = k + 1 < candidates.Count ? _chunkIndexes[candidates[k + 1]].MessageStartTime : long.MaxValue;
                entries.AsSpan().Sort(EntryOrder);
                var yielded = 0;
                while (yielded < entries.Count && entries.AsSpan()[yielded].LogTime < watermark)
                {
                    var e = entries.AsSpan()[yielded++];
                    if (TryDecodeMessage(loaded[e.Slot]!.Value, e.Offset, selected, out var message)) yield return message;
                    // The consumer has advanced past the message: its chunk can go back once nothing else points into it.
                    if (--pending[e.Slot] == 0) ReleaseSlot(loaded, e.Slot);
                }
                entries.RemovePrefix(yielded);
                if (entries.Count == 0)
                {
                    loaded.Clear();
                    pending.Clear();
                }
            }
        }
        finally
        {
            prefetch.Dispose();
            TrackRead(prefetch, active: false);
            for (var slot = 0; slot < loaded.Count; slot++) ReleaseSlot(loaded, slot);
            entries.Dispose();
        }
    }

    private void ReleaseSlot(List<LoadedChunk?> loaded, int slot)
    {
        if (loaded[slot] is not { } chunk) return;
        ReturnBuffer(chunk.Buffer);
        loaded[slot] = null;
    }

    /// <summary>Chunks whose disk reads are hinted beyond those loading (each is one chunk record plus its message indexes).</summary>
    internal const int HintedChunksAhead = 2;

    /// <summary>
    /// Hints the page cache to read candidates <c>[hinted, taken + ReadAheadChunks + 1 + HintedChunksAhead)</c>;
    /// returns the new count of hinted candidates.
    /// </summary>
    private int HintChunks(List<int> candidates, int hinted, int taken)
    {
        var end = Math.Min(candidates.Count, taken + _options.ReadAheadChunks + 1 + HintedChunksAhead);
        for (; hinted < end; hinted++)
        {
            var ci = _chunkIndexes[candidates[hinted]];
            // Lengths come from the file: clamp them to it (a corrupt index is reported by the load, not here).
            var start = ci.ChunkStartOffset;
            if (start < 0 || start >= _length) continue;
            var rest = _length - start;
            var length = ci.ChunkLength is >= 0 && ci.ChunkLength <= rest ? Math.Min(rest, ci.ChunkLength + Math.Clamp(ci.MessageIndexLength, 0, rest)) : rest;
            if (PageCacheHint.WillNeed(_file, start, length)) _pageCacheHints++;
        }
        return hinted;
    }

    private int _pageCacheHints;

    /// <summary>Chunk ranges this reader has hinted to the page cache (a test hook; counted on the consumer's thread).</summary>
    internal int PageCacheHints => _pageCacheHints;

    /// <summary>Adds the messages of one loaded chunk that pass the filter, from its message indexes (or by walking it).</summary>
    private void CollectEntries(int ordinal, int slot, LoadedChunk chunk, HashSet<ushort> selected, BagReadFilter filter, PooledList<IndexEntry> entries)
    {
        var ci = _chunkIndexes[ordinal];
        if (ci.MessageIndexOffsets.Count == 0 || ci.MessageIndexLength <= 0 || ci.MessageIndexLength > int.MaxValue)
        {
            WalkChunk(chunk, slot, selected, filter, entries);
            return;
        }
        var indexStart = ci.ChunkStartOffset + ci.ChunkLength;
        var length = (int)ci.MessageIndexLength;
        var buffer = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            if (!ReadExactly(indexStart, buffer.AsSpan(0, length)))
            {
                _errors.Report(Error(BagErrorKind.Truncated, indexStart, $"MessageIndex of chunk #{ordinal}", "message indexes run past the end of the file"));
                WalkChunk(chunk, slot, selected, filter, entries);
                return;
            }
            var span = buffer.AsSpan(0, length);
            for (var pos = 0; pos + McapFormat.RecordHeaderLength <= span.Length;)
            {
                var opcode = span[pos];
                var len = BinaryPrimitives.ReadUInt64LittleEndian(span[(pos + 1)..]);
                if (len > (ulong)(span.Length - pos - McapFormat.RecordHeaderLength)) break;
                var content = span.Slice(pos + McapFormat.RecordHeaderLength, (int)len);
                if (opcode == (byte)McapOpcode.MessageIndex && content.Length >= 6)
                {
                    var channel = BinaryPrimitives.ReadUInt16LittleEndian(content);
                    if (selected.Contains(channel))
                    {
                        var arrayLength = (int)Math.Min(BinaryPrimitives.ReadUInt32LittleEndian(content[2..]), (uint)(content.Length - 6));
                        var pairs = content.Slice(6, arrayLength);
                        for (var p = 0; p + 16 <= pairs.Length; p += 16)
                        {
                            var time = (long)BinaryPrimitives.ReadUInt64LittleEndian(pairs[p..]);
                            if (filter.KeepsTime(time))
                                entries.Add(new IndexEntry(time, ordinal, slot, (long)BinaryPrimitives.ReadUInt64LittleEndian(pairs[(p + 8)..])));
                        }
                    }
                }
                pos += McapFormat.RecordHeaderLength + (int)len;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Adds the messages of a chunk without message indexes by walking its records.</summary>
    private void WalkChunk(LoadedChunk chunk, int slot, HashSet<ushort> selected, BagReadFilter filter, PooledList<IndexEntry> entries)
    {
        var span = chunk.Buffer.AsSpan(chunk.Start, chunk.Length);
        for (var pos = 0; pos + McapFormat.RecordHeaderLength <= span.Length;)
        {
            var len = BinaryPrimitives.ReadUInt64LittleEndian(span[(pos + 1)..]);
            if (len > (ulong)(span.Length - pos - McapFormat.RecordHeaderLength)) break;
            if (span[pos] == (byte)McapOpcode.Message && len >= 22)
            {
                var content = span[(pos + McapFormat.RecordHeaderLength)..];
                var channel = BinaryPrimitives.ReadUInt16LittleEndian(content);
                var time = (long)BinaryPrimitives.ReadUInt64LittleEndian(content[6..]);
                if (selected.Contains(channel) && filter.KeepsTime(time)) entries.Add(new IndexEntry(time, chunk.Ordinal, slot, pos));
            }
            pos += McapFormat.RecordHeaderLength + (int)len;
        }
    }

    /// <summary>Decodes the Message record at <paramref name="offset"/> of a loaded chunk; false after a reported fault.</summary>
    private bool TryDecodeMessage(LoadedChunk chunk, long offset, HashSet<ushort> selected, out BagMessage message)
    {
        message = default;
        var ci = _chunkIndexes[chunk.Ordinal];
        var span = chunk.Buffer.AsSpan(chunk.Start, chunk.Length);
        if (offset < 0 || offset + McapFormat.RecordHeaderLength + 22 > span.Length || span[(int)offset] != (byte)McapOpcode.Message)
        {
            _errors.Report(Error(BagErrorKind.InvalidRecord, ci.ChunkStartOffset, $"MessageIndex of chunk #{chunk.Ordinal}",
                $"index offset {offset} does not point at a Message record inside the chunk"));
            return false;
        }
        var len = BinaryPrimitives.ReadUInt64LittleEndian(span[((int)offset + 1)..]);
        if (len > (ulong)(span.Length - (int)offset - McapFormat.RecordHeaderLength))
        {
            _errors.Report(Error(BagErrorKind.InvalidRecord, ci.ChunkStartOffset, $"Message at chunk #{chunk.Ordinal} offset {offset}", "record runs past the chunk"));
            return false;
        }
        var contentStart = (int)offset + McapFormat.RecordHeaderLength;
        var content = span.Slice(contentStart, (int)len);
        var channelId = BinaryPrimitives.ReadUInt16LittleEndian(content);
        if (!selected.Contains(channelId) || _channels[channelId].Topic is not { } topic)
        {
            _errors.Report(Error(BagErrorKind.InvalidRecord, ci.ChunkStartOffset, $"Message at chunk #{chunk.Ordinal} offset {offset}",
                $"message of channel {channelId} listed under another channel's index"));
            return false;
        }
        var logTime = (long)BinaryPrimitives.ReadUInt64LittleEndian(content[6..]);
        var publishTime = (long)BinaryPrimitives.ReadUInt64LittleEndian(content[14..]);
        var data = chunk.Buffer.AsMemory(chunk.Start + contentStart + 22, (int)len - 22);
        message = new BagMessage(topic, logTime, publishTime, data, FileIndex, ((long)chunk.Ordinal << 32) | offset);
        return true;
    }
}
