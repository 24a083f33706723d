namespace CvM.Ros.Dds.Types;

/// <summary>
/// Size and alignment of the C sample of a type in Cyclone's IDL C mapping on x86-64/aarch64 (LP64), as idlc
/// lays it out: strings are <c>char*</c>, bounded strings <c>char[N+1]</c>, sequences <c>dds_sequence_t</c>
/// (24 bytes), arrays and nested structs inline. Needed for <c>m_size</c>/<c>m_align</c> and the member offsets of the ops.
/// </summary>
public static class CSampleLayout
{
    /// <summary><c>sizeof(dds_sequence_t)</c>: uint32 _maximum, uint32 _length, T* _buffer, bool _release.</summary>
    public const int SequenceSize = 24;

    /// <summary>Byte offsets of each member of <paramref name="type"/> and the struct's size and alignment.</summary>
    public static (int[] Offsets, int Size, int Align) Of(DdsStructType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var offsets = new int[type.Fields.Count];
        int offset = 0, align = 1;
        for (var i = 0; i < type.Fields.Count; i++)
        {
            var (size, a) = FieldSize(type.Fields[i]);
            offset = AlignUp(offset, a);
            offsets[i] = offset;
            offset += size;
            align = Math.Max(align, a);
        }
        return (offsets, AlignUp(Math.Max(offset, 1), align), align);
    }

    /// <summary>Size and alignment of one member in the C sample.</summary>
    public static (int Size, int Align) FieldSize(DdsField field)
    {
        ArgumentNullException.ThrowIfNull(field);
        if (field.Collection is DdsCollection.Sequence or DdsCollection.BoundedSequence) return (SequenceSize, 8);
        var (size, align) = ElementSize(field);
        return field.Collection == DdsCollection.Array ? (checked(size * field.Length), align) : (size, align);
    }

    /// <summary>Size and alignment of one element (the member itself when it is not a collection).</summary>
    public static (int Size, int Align) ElementSize(DdsField field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return field.Element switch
        {
            DdsPrimitive.Bool or DdsPrimitive.Octet or DdsPrimitive.UInt8 or DdsPrimitive.Int8 or DdsPrimitive.Char => (1, 1),
            DdsPrimitive.Int16 or DdsPrimitive.UInt16 => (2, 2),
            DdsPrimitive.Int32 or DdsPrimitive.UInt32 or DdsPrimitive.Float32 => (4, 4),
            DdsPrimitive.Int64 or DdsPrimitive.UInt64 or DdsPrimitive.Float64 => (8, 8),
            DdsPrimitive.String => field.StringBound > 0 ? (field.StringBound + 1, 1) : (8, 8),
            DdsPrimitive.Struct => StructSize(field),
            _ => throw new ArgumentOutOfRangeException(nameof(field), field.Element, "unknown element kind"),
        };
    }

    private static (int, int) StructSize(DdsField field)
    {
        var nested = field.Nested ?? throw new ArgumentException($"struct member '{field.Name}' has no nested type", nameof(field));
        var (_, size, align) = Of(nested);
        return (size, align);
    }

    private static int AlignUp(int value, int align) => (value + align - 1) / align * align;
}
