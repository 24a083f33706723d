using System.Buffers.Binary;

namespace CvM.Bags.Tests;

/// <summary>Test-side walk of an MCAP file's data section (from the specification), to aim damage at known records.</summary>
public static class McapLayout
{
    /// <summary>A Chunk record: its offset, and where its (compressed) records lie in the file.</summary>
    public sealed record ChunkRecord(long Offset, long Length, long RecordsOffset, long RecordsLength, long StartTime, long EndTime);

    public static List<ChunkRecord> Chunks(byte[] file)
    {
        var list = new List<ChunkRecord>();
        for (long pos = 8; pos + 9 <= file.Length;)
        {
            var opcode = file[pos];
            var length = (long)BinaryPrimitives.ReadUInt64LittleEndian(file.AsSpan((int)pos + 1));
            if (opcode == 0x0F) break; // DataEnd
            if (opcode == 0x06)
            {
                var c = (int)pos + 9;
                var compressionLength = BinaryPrimitives.ReadInt32LittleEndian(file.AsSpan(c + 28));
                var recordsLengthAt = c + 32 + compressionLength;
                list.Add(new ChunkRecord(pos, 9 + length, recordsLengthAt + 8, (long)BinaryPrimitives.ReadUInt64LittleEndian(file.AsSpan(recordsLengthAt)),
                    BinaryPrimitives.ReadInt64LittleEndian(file.AsSpan(c)), BinaryPrimitives.ReadInt64LittleEndian(file.AsSpan(c + 8))));
            }
            pos += 9 + length;
        }
        return list;
    }

    /// <summary>Sets the footer's summary_crc to 0 ("not available"), after deliberate edits of summary records.</summary>
    public static void ClearSummaryCrc(byte[] file) => BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(file.Length - 8 - 4), 0);
}
