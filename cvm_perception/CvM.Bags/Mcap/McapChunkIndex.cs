namespace CvM.Bags.Mcap;

/// <summary>A parsed MCAP ChunkIndex record (summary section).</summary>
internal sealed record McapChunkIndex(
    long MessageStartTime,
    long MessageEndTime,
    long ChunkStartOffset,
    long ChunkLength,
    IReadOnlyDictionary<ushort, ulong> MessageIndexOffsets,
    long MessageIndexLength,
    string Compression,
    long CompressedSize,
    long UncompressedSize)
{
    public static McapChunkIndex Parse(ReadOnlySpan<byte> content)
    {
        var r = new McapSpanReader(content);
        return new McapChunkIndex(r.Time(), r.Time(), (long)r.U64(), (long)r.U64(), r.U16U64Map(), (long)r.U64(), r.String(),
            (long)r.U64(), (long)r.U64());
    }
}
