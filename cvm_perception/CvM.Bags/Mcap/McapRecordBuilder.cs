using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace CvM.Bags.Mcap;

/// <summary>Appends MCAP records (opcode, u64 length, little-endian fields) to a growable buffer.</summary>
internal sealed class McapRecordBuilder
{
    private readonly ArrayBufferWriter<byte> _buffer = new(1 << 16);
    private int _recordStart = -1;

    public ReadOnlySpan<byte> Written => _buffer.WrittenSpan;

    public int Length => _buffer.WrittenCount;

    public void Clear() => _buffer.ResetWrittenCount();

    public void Begin(McapOpcode opcode)
    {
        _recordStart = _buffer.WrittenCount;
        U8((byte)opcode);
        U64(0);
    }

    public void End()
    {
        var length = (ulong)(_buffer.WrittenCount - _recordStart - McapFormat.RecordHeaderLength);
        var span = Span(_recordStart + 1, 8);
        BinaryPrimitives.WriteUInt64LittleEndian(span, length);
        _recordStart = -1;
    }

    /// <summary>A span of already written bytes, to patch in place.</summary>
    public Span<byte> Span(int offset, int length) =>
        System.Runtime.InteropServices.MemoryMarshal.CreateSpan(
            ref System.Runtime.InteropServices.MemoryMarshal.GetReference(_buffer.WrittenSpan.Slice(offset, length)), length);

    public void U8(byte v) { _buffer.GetSpan(1)[0] = v; _buffer.Advance(1); }

    public void U16(ushort v) { BinaryPrimitives.WriteUInt16LittleEndian(_buffer.GetSpan(2), v); _buffer.Advance(2); }

    public void U32(uint v) { BinaryPrimitives.WriteUInt32LittleEndian(_buffer.GetSpan(4), v); _buffer.Advance(4); }

    public void U64(ulong v) { BinaryPrimitives.WriteUInt64LittleEndian(_buffer.GetSpan(8), v); _buffer.Advance(8); }

    public void Bytes(ReadOnlySpan<byte> data) => _buffer.Write(data);

    public void String(string s)
    {
        var n = Encoding.UTF8.GetByteCount(s);
        U32((uint)n);
        Encoding.UTF8.GetBytes(s, _buffer.GetSpan(n));
        _buffer.Advance(n);
    }

    public void StringMap(IEnumerable<KeyValuePair<string, string>> map)
    {
        var lengthAt = _buffer.WrittenCount;
        U32(0);
        foreach (var (k, v) in map.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            String(k);
            String(v);
        }
        BinaryPrimitives.WriteUInt32LittleEndian(Span(lengthAt, 4), (uint)(_buffer.WrittenCount - lengthAt - 4));
    }

    public void U16U64Map(IEnumerable<KeyValuePair<ushort, ulong>> map)
    {
        var lengthAt = _buffer.WrittenCount;
        U32(0);
        foreach (var (k, v) in map.OrderBy(kv => kv.Key))
        {
            U16(k);
            U64(v);
        }
        BinaryPrimitives.WriteUInt32LittleEndian(Span(lengthAt, 4), (uint)(_buffer.WrittenCount - lengthAt - 4));
    }
}
