using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;

namespace CvM.Messages.Cdr;

/// <summary>
/// Reads XCDR1 (plain CDR) data from a whole serialized payload, starting with its 4-byte encapsulation
/// header (<c>00 01</c> little endian or <c>00 00</c> big endian; parameter-list variants are rejected).
/// Alignment is relative to the first byte after the header. Every read is bounds-checked and throws
/// <see cref="CdrException"/> rather than reading out of range; declared lengths are checked against the
/// remaining bytes before anything is allocated. The reader borrows the caller's span and owns nothing.
/// </summary>
public ref struct CdrReader
{
    private readonly ReadOnlySpan<byte> _payload;
    private int _position;

    /// <summary>Starts reading <paramref name="payload"/> (encapsulation header included).</summary>
    /// <exception cref="CdrException">The header is missing or names an encoding other than plain CDR.</exception>
    public CdrReader(ReadOnlySpan<byte> payload)
    {
        if (payload.Length < CdrEncapsulation.HeaderSize)
            throw new CdrException($"payload of {payload.Length} bytes is shorter than the 4-byte encapsulation header", 0);
        var kind = BinaryPrimitives.ReadUInt16BigEndian(payload);
        switch (kind)
        {
            case CdrEncapsulation.CdrLittleEndian:
                IsLittleEndian = true;
                break;
            case CdrEncapsulation.CdrBigEndian:
                IsLittleEndian = false;
                break;
            case CdrEncapsulation.PlCdrBigEndian:
            case CdrEncapsulation.PlCdrLittleEndian:
                throw new CdrException($"parameter-list CDR (encapsulation 0x{kind:X4}) is not supported", 0);
            default:
                throw new CdrException($"unsupported encapsulation kind 0x{kind:X4}", 0);
        }
        _payload = payload;
        _position = CdrEncapsulation.HeaderSize;
    }

    /// <summary>True for <c>00 01</c> payloads, false for big-endian <c>00 00</c>.</summary>
    public bool IsLittleEndian { get; }

    /// <summary>Current offset in the whole payload (header included).</summary>
    public readonly int Position => _position;

    /// <summary>Bytes left after the current position.</summary>
    public readonly int Remaining => _payload.Length - _position;

    /// <summary>Skips padding so that the next read is aligned to <paramref name="size"/> (1, 2, 4 or 8).</summary>
    public void Align(int size)
    {
        var relative = _position - CdrEncapsulation.HeaderSize;
        var padding = (size - (relative & (size - 1))) & (size - 1);
        if (padding > Remaining)
            throw new CdrException($"padding to {size}-byte alignment runs past the end of the payload", _position);
        _position += padding;
    }

    /// <summary>Reads a CDR boolean (one byte, 0 or 1).</summary>
    public bool ReadBool()
    {
        var at = _position;
        var b = ReadByte();
        return b switch
        {
            0 => false,
            1 => true,
            _ => throw new CdrException($"boolean byte {b} is neither 0 nor 1", at),
        };
    }

    /// <summary>Reads one unsigned byte.</summary>
    public byte ReadByte()
    {
        Need(1);
        return _payload[_position++];
    }

    /// <summary>Reads one signed byte.</summary>
    public sbyte ReadSByte() => unchecked((sbyte)ReadByte());

    /// <summary>Reads an aligned 16-bit signed integer.</summary>
    public short ReadInt16() => unchecked((short)ReadUInt16());

    /// <summary>Reads an aligned 16-bit unsigned integer.</summary>
    public ushort ReadUInt16()
    {
        var s = Take(2, 2);
        return IsLittleEndian ? BinaryPrimitives.ReadUInt16LittleEndian(s) : BinaryPrimitives.ReadUInt16BigEndian(s);
    }

    /// <summary>Reads an aligned 32-bit signed integer.</summary>
    public int ReadInt32() => unchecked((int)ReadUInt32());

    /// <summary>Reads an aligned 32-bit unsigned integer.</summary>
    public uint ReadUInt32()
    {
        var s = Take(4, 4);
        return IsLittleEndian ? BinaryPrimitives.ReadUInt32LittleEndian(s) : BinaryPrimitives.ReadUInt32BigEndian(s);
    }

    /// <summary>Reads an aligned 64-bit signed integer.</summary>
    public long ReadInt64() => unchecked((long)ReadUInt64());

    /// <summary>Reads an aligned 64-bit unsigned integer.</summary>
    public ulong ReadUInt64()
    {
        var s = Take(8, 8);
        return IsLittleEndian ? BinaryPrimitives.ReadUInt64LittleEndian(s) : BinaryPrimitives.ReadUInt64BigEndian(s);
    }

    /// <summary>Reads an aligned IEEE 754 single.</summary>
    public float ReadSingle() => BitConverter.Int32BitsToSingle(ReadInt32());

    /// <summary>Reads an aligned IEEE 754 double.</summary>
    public double ReadDouble() => BitConverter.Int64BitsToDouble(ReadInt64());

    /// <summary>
    /// Reads a sequence length and checks that <paramref name="minElementSize"/> bytes per element fit in the
    /// remaining payload (so a hostile length cannot make the caller allocate more than the payload justifies).
    /// </summary>
    public int ReadSequenceLength(int minElementSize)
    {
        var at = _position;
        var count = ReadUInt32();
        if (count > int.MaxValue || (long)count * Math.Max(minElementSize, 1) > Remaining)
            throw new CdrException($"sequence of {count} elements (at least {minElementSize} bytes each) does not fit in the {Remaining} remaining bytes", at);
        return (int)count;
    }

    /// <summary>Returns the next <paramref name="count"/> raw bytes as a view into the payload (no copy).</summary>
    public ReadOnlySpan<byte> ReadBytes(int count)
    {
        if (count < 0) throw new CdrException($"negative byte count {count}", _position);
        Need(count);
        var s = _payload.Slice(_position, count);
        _position += count;
        return s;
    }

    /// <summary>Reads a <c>uint8[]</c>/<c>byte[]</c> sequence as a view into the payload (no copy).</summary>
    public ReadOnlySpan<byte> ReadByteSequence() => ReadBytes(ReadSequenceLength(1));

    /// <summary>Reads a string (length with terminating NUL, bytes, NUL) into a new string.</summary>
    public string ReadString() => Encoding.UTF8.GetString(ReadStringBytes(-1));

    /// <summary>Reads a string whose UTF-8 length may not exceed <paramref name="bound"/> bytes.</summary>
    public string ReadString(int bound) => Encoding.UTF8.GetString(ReadStringBytes(bound));

    /// <summary>
    /// Reads a string through a per-thread cache, so a value repeated message after message (frame ids,
    /// encodings) is returned without allocating.
    /// </summary>
    public string ReadStringInterned() => Utf8StringCache.Get(ReadStringBytes(-1));

    /// <summary>Reads a string's UTF-8 bytes (without the NUL) as a view into the payload.</summary>
    /// <param name="bound">Largest allowed length in bytes, or -1 for unbounded.</param>
    public ReadOnlySpan<byte> ReadStringBytes(int bound)
    {
        var at = _position;
        var length = ReadUInt32();
        if (length == 0) return ReadOnlySpan<byte>.Empty; // tolerated: some writers send 0 for ""
        if (length > (uint)Remaining)
            throw new CdrException($"string of {length} bytes does not fit in the {Remaining} remaining bytes", at);
        var bytes = ReadBytes((int)length);
        if (bytes[^1] != 0) throw new CdrException("string is not NUL-terminated", at);
        var text = bytes[..^1];
        if (bound >= 0 && text.Length > bound)
            throw new CdrException($"string of {text.Length} bytes exceeds its bound of {bound}", at);
        return text;
    }

    /// <summary>Reads <c>destination.Length</c> aligned doubles (a fixed-size array).</summary>
    public void ReadDoubles(scoped Span<double> destination)
    {
        if (destination.IsEmpty) return;
        var s = Take(destination.Length * 8, 8);
        if (IsLittleEndian && BitConverter.IsLittleEndian)
        {
            s.CopyTo(MemoryMarshal.AsBytes(destination));
            return;
        }
        for (var i = 0; i < destination.Length; i++)
        {
            var bits = IsLittleEndian
                ? BinaryPrimitives.ReadInt64LittleEndian(s[(i * 8)..])
                : BinaryPrimitives.ReadInt64BigEndian(s[(i * 8)..]);
            destination[i] = BitConverter.Int64BitsToDouble(bits);
        }
    }

    /// <summary>Reads a <c>float64[]</c> sequence into a new array.</summary>
    public double[] ReadDoubleSequence()
    {
        var at = _position;
        var count = ReadUInt32();
        if (count == 0) return [];
        // Elements are 8-byte aligned after the length; check the fit before allocating.
        var relative = _position - CdrEncapsulation.HeaderSize;
        var padding = (8 - (relative & 7)) & 7;
        if (count > int.MaxValue / 8 || (long)count * 8 + padding > Remaining)
            throw new CdrException($"float64 sequence of {count} elements does not fit in the {Remaining} remaining bytes", at);
        var result = new double[count];
        ReadDoubles(result);
        return result;
    }

    private ReadOnlySpan<byte> Take(int count, int alignment)
    {
        Align(alignment);
        Need(count);
        var s = _payload.Slice(_position, count);
        _position += count;
        return s;
    }

    private readonly void Need(int count)
    {
        if (count > Remaining)
            throw new CdrException($"need {count} bytes but only {Remaining} remain", _position);
    }
}
