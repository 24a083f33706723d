using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;

namespace CvM.Messages.Cdr;

/// <summary>
/// Writes little-endian XCDR1 (plain CDR) data, starting with the encapsulation header <c>00 01 00 00</c>;
/// alignment is relative to the byte after the header. It writes into the caller's
/// <see cref="IBufferWriter{T}"/> (call <see cref="Flush"/> at the end to commit the bytes) or into a
/// caller span (<see cref="BytesWritten"/> tells how much was used). The writer owns no memory.
/// </summary>
public ref struct CdrWriter
{
    private const int MinChunk = 256;

    private readonly IBufferWriter<byte>? _output;
    private Span<byte> _span;
    private int _spanUsed;
    private int _total;

    /// <summary>Writes into <paramref name="output"/>; the header is written at once.</summary>
    public CdrWriter(IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        _output = output;
        _span = output.GetSpan(MinChunk);
        WriteHeader();
    }

    /// <summary>Writes into a fixed <paramref name="destination"/>; running out of room throws <see cref="CdrException"/>.</summary>
    public CdrWriter(Span<byte> destination)
    {
        _output = null;
        _span = destination;
        WriteHeader();
    }

    /// <summary>Bytes written so far, header included.</summary>
    public readonly int BytesWritten => _total;

    /// <summary>Commits the bytes written so far to the <see cref="IBufferWriter{T}"/> (no-op for a span).</summary>
    public void Flush()
    {
        if (_output is null || _spanUsed == 0) return;
        _output.Advance(_spanUsed);
        _spanUsed = 0;
        _span = Span<byte>.Empty; // the next write asks the output for a fresh span
    }

    /// <summary>Writes zero padding so the next value is aligned to <paramref name="size"/> (1, 2, 4 or 8).</summary>
    public void Align(int size)
    {
        var relative = _total - CdrEncapsulation.HeaderSize;
        var padding = (size - (relative & (size - 1))) & (size - 1);
        if (padding == 0) return;
        Reserve(padding).Clear();
    }

    /// <summary>Writes a boolean as one byte (0 or 1).</summary>
    public void WriteBool(bool value) => WriteByte(value ? (byte)1 : (byte)0);

    /// <summary>Writes one unsigned byte.</summary>
    public void WriteByte(byte value) => Reserve(1)[0] = value;

    /// <summary>Writes one signed byte.</summary>
    public void WriteSByte(sbyte value) => WriteByte(unchecked((byte)value));

    /// <summary>Writes an aligned 16-bit signed integer.</summary>
    public void WriteInt16(short value) => WriteUInt16(unchecked((ushort)value));

    /// <summary>Writes an aligned 16-bit unsigned integer.</summary>
    public void WriteUInt16(ushort value)
    {
        Align(2);
        BinaryPrimitives.WriteUInt16LittleEndian(Reserve(2), value);
    }

    /// <summary>Writes an aligned 32-bit signed integer.</summary>
    public void WriteInt32(int value) => WriteUInt32(unchecked((uint)value));

    /// <summary>Writes an aligned 32-bit unsigned integer.</summary>
    public void WriteUInt32(uint value)
    {
        Align(4);
        BinaryPrimitives.WriteUInt32LittleEndian(Reserve(4), value);
    }

    /// <summary>Writes an aligned 64-bit signed integer.</summary>
    public void WriteInt64(long value) => WriteUInt64(unchecked((ulong)value));

    /// <summary>Writes an aligned 64-bit unsigned integer.</summary>
    public void WriteUInt64(ulong value)
    {
        Align(8);
        BinaryPrimitives.WriteUInt64LittleEndian(Reserve(8), value);
    }

    /// <summary>Writes an aligned IEEE 754 single (bit pattern preserved, NaN payloads included).</summary>
    public void WriteSingle(float value) => WriteInt32(BitConverter.SingleToInt32Bits(value));

    /// <summary>Writes an aligned IEEE 754 double (bit pattern preserved, NaN payloads included).</summary>
    public void WriteDouble(double value) => WriteInt64(BitConverter.DoubleToInt64Bits(value));

    /// <summary>Writes raw bytes with no length prefix and no alignment.</summary>
    public void WriteBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty) return;
        bytes.CopyTo(Reserve(bytes.Length));
    }

    /// <summary>Writes a <c>uint8[]</c>/<c>byte[]</c> sequence: length, then the bytes.</summary>
    public void WriteByteSequence(ReadOnlySpan<byte> bytes)
    {
        WriteUInt32((uint)bytes.Length);
        WriteBytes(bytes);
    }

    /// <summary>Writes a sequence length.</summary>
    public void WriteSequenceLength(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        WriteUInt32((uint)count);
    }

    /// <summary>Writes a string: UTF-8 length including the NUL, the bytes, the NUL. Null writes "".</summary>
    public void WriteString(string? value)
    {
        value ??= string.Empty;
        var byteCount = Encoding.UTF8.GetByteCount(value);
        WriteUInt32((uint)byteCount + 1);
        var dest = Reserve(byteCount + 1);
        Encoding.UTF8.GetBytes(value, dest);
        dest[byteCount] = 0;
    }

    /// <summary>Writes a bounded string; more than <paramref name="bound"/> UTF-8 bytes throws <see cref="CdrException"/>.</summary>
    public void WriteString(string? value, int bound)
    {
        value ??= string.Empty;
        var byteCount = Encoding.UTF8.GetByteCount(value);
        if (byteCount > bound) throw new CdrException($"string of {byteCount} bytes exceeds its bound of {bound}");
        WriteString(value);
    }

    /// <summary>Writes aligned doubles with no length prefix (a fixed-size array).</summary>
    public void WriteDoubles(ReadOnlySpan<double> values)
    {
        if (values.IsEmpty) return;
        Align(8);
        var dest = Reserve(values.Length * 8);
        if (BitConverter.IsLittleEndian)
        {
            MemoryMarshal.AsBytes(values).CopyTo(dest);
            return;
        }
        for (var i = 0; i < values.Length; i++)
            BinaryPrimitives.WriteInt64LittleEndian(dest[(i * 8)..], BitConverter.DoubleToInt64Bits(values[i]));
    }

    /// <summary>Writes a <c>float64[]</c> sequence: length, then the aligned doubles.</summary>
    public void WriteDoubleSequence(ReadOnlySpan<double> values)
    {
        WriteUInt32((uint)values.Length);
        WriteDoubles(values);
    }

    /// <summary>Writes a fixed-size array whose expected length is <paramref name="expectedLength"/>.</summary>
    public void WriteFixedDoubles(ReadOnlySpan<double> values, int expectedLength, string fieldName)
    {
        if (values.Length != expectedLength)
            throw new CdrException($"{fieldName} must hold exactly {expectedLength} values, not {values.Length}");
        WriteDoubles(values);
    }

    private void WriteHeader()
    {
        var h = Reserve(CdrEncapsulation.HeaderSize);
        h[0] = 0x00;
        h[1] = 0x01;
        h[2] = 0x00;
        h[3] = 0x00;
    }

    private Span<byte> Reserve(int count)
    {
        if (_span.Length - _spanUsed < count) Grow(count);
        var s = _span.Slice(_spanUsed, count);
        _spanUsed += count;
        _total += count;
        return s;
    }

    private void Grow(int count)
    {
        if (_output is null)
            throw new CdrException($"destination span of {_span.Length} bytes is too small (need {_total + count}+)");
        if (_spanUsed > 0) _output.Advance(_spanUsed);
        _spanUsed = 0;
        _span = _output.GetSpan(Math.Max(count, MinChunk));
        if (_span.Length < count) throw new CdrException($"buffer writer returned {_span.Length} bytes, {count} needed");
    }
}
