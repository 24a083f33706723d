using System.Buffers.Binary;
using System.Text;

namespace CvM.Bags.Mcap;

/// <summary>Little-endian field reader over one record's bytes; throws <see cref="McapFormatException"/> past the end.</summary>
internal ref struct McapSpanReader(ReadOnlySpan<byte> data)
{
    private readonly ReadOnlySpan<byte> _data = data;

    public int Position { get; set; }

    public readonly int Remaining => _data.Length - Position;

    private ReadOnlySpan<byte> Take(long n)
    {
        if (n < 0 || n > Remaining) throw new McapFormatException($"field of {n} bytes at {Position} runs past the record end ({_data.Length})");
        var s = _data.Slice(Position, (int)n);
        Position += (int)n;
        return s;
    }

    public byte U8() => Take(1)[0];

    public ushort U16() => BinaryPrimitives.ReadUInt16LittleEndian(Take(2));

    public uint U32() => BinaryPrimitives.ReadUInt32LittleEndian(Take(4));

    public ulong U64() => BinaryPrimitives.ReadUInt64LittleEndian(Take(8));

    public long Time() => (long)U64();

    public string String() => Encoding.UTF8.GetString(Take(U32()));

    /// <summary>A u32-length-prefixed byte array; the span points into the record.</summary>
    public ReadOnlySpan<byte> BytesU32() => Take(U32());

    /// <summary>A u64-length-prefixed byte array; the span points into the record.</summary>
    public ReadOnlySpan<byte> BytesU64() => Take((long)Math.Min(U64(), int.MaxValue + 1UL));

    /// <summary>The rest of the record.</summary>
    public ReadOnlySpan<byte> Rest() => Take(Remaining);

    /// <summary>A <c>Map&lt;string, string&gt;</c> (u32 byte length, then key/value strings).</summary>
    public Dictionary<string, string> StringMap()
    {
        var inner = new McapSpanReader(Take(U32()));
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        while (inner.Remaining > 0)
        {
            var k = inner.String();
            map[k] = inner.String();
        }
        return map;
    }

    /// <summary>A <c>Map&lt;uint16, uint64&gt;</c> (u32 byte length, then 10-byte entries).</summary>
    public Dictionary<ushort, ulong> U16U64Map()
    {
        var inner = new McapSpanReader(Take(U32()));
        var map = new Dictionary<ushort, ulong>();
        while (inner.Remaining > 0)
        {
            var k = inner.U16();
            map[k] = inner.U64();
        }
        return map;
    }
}
