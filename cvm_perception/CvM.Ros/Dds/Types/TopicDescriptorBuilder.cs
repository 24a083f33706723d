namespace CvM.Ros.Dds.Types;

/// <summary>
/// Builds the ops bytecode of a <c>dds_topic_descriptor_t</c> at run time, following <c>dds/ddsc/dds_opcodes.h</c>
/// of Cyclone 0.10.2 and the way its idlc lays the program out: the top-level type's instructions first, then
/// each nested struct type once, in depth-first order of first reference; members of struct type jump to the
/// nested type's block (offsets relative to the referencing instruction).
/// </summary>
public static class TopicDescriptorBuilder
{
    private const uint OpAdr = 0x01u << 24;
    private const uint OpRts = 0;
    private const uint Val1By = 0x01, Val2By = 0x02, Val4By = 0x03, Val8By = 0x04, ValStr = 0x05, ValBst = 0x06,
        ValSeq = 0x07, ValArr = 0x08, ValStu = 0x0a, ValBsq = 0x0b, ValExt = 0x0d, ValBln = 0x0e;
    private const uint FlagFp = 1u << 1, FlagSgn = 1u << 2;

    /// <summary><c>DDS_TOPIC_FIXED_SIZE</c>: the type holds no string or sequence.</summary>
    public const uint TopicFixedSize = 1u << 4;

    /// <summary><c>DDS_TOPIC_XTYPES_METADATA</c>: set by idlc, never by this builder (no type information is generated).</summary>
    public const uint TopicXTypesMetadata = 1u << 6;

    /// <summary>Builds the descriptor content of <paramref name="top"/>.</summary>
    /// <exception cref="ArgumentException">A member is malformed (struct without nested type, array length &lt; 1, ...).</exception>
    public static TopicDescriptorModel Build(DdsStructType top)
    {
        ArgumentNullException.ThrowIfNull(top);
        var order = new List<DdsStructType> { top };
        CollectDepthFirst(top, order, new HashSet<string>(StringComparer.Ordinal) { top.DdsTypeName });

        var ops = new List<uint>();
        var starts = new Dictionary<string, int>(StringComparer.Ordinal);
        var patches = new List<(int Insn, int Word, uint Next, string Target)>();
        uint nops = 0;
        foreach (var type in order)
        {
            starts[type.DdsTypeName] = ops.Count;
            var (offsets, _, _) = CSampleLayout.Of(type);
            for (var i = 0; i < type.Fields.Count; i++)
            {
                EmitField(type.Fields[i], (uint)offsets[i], ops, patches);
                nops++;
            }
            ops.Add(OpRts);
            nops++;
        }
        foreach (var (insn, word, next, target) in patches)
        {
            var delta = starts[target] - insn;
            ops[word] = (next << 16) | (ushort)(short)delta;
        }
        var (_, size, align) = CSampleLayout.Of(top);
        var flags = IsFixedSize(top) ? TopicFixedSize : 0u;
        return new TopicDescriptorModel(top.DdsTypeName, ops.ToArray(), nops, (uint)size, (uint)align, flags);
    }

    private static void CollectDepthFirst(DdsStructType type, List<DdsStructType> order, HashSet<string> seen)
    {
        foreach (var f in type.Fields)
        {
            if (f.Element != DdsPrimitive.Struct) continue;
            var nested = f.Nested ?? throw new ArgumentException($"{type.DdsTypeName}.{f.Name}: struct member without nested type");
            if (!seen.Add(nested.DdsTypeName)) continue;
            order.Add(nested);
            CollectDepthFirst(nested, order, seen);
        }
    }

    private static void EmitField(DdsField f, uint offset, List<uint> ops, List<(int, int, uint, string)> patches)
    {
        var insn = ops.Count;
        var (code, flags) = ElementCode(f);
        switch (f.Collection)
        {
            case DdsCollection.None:
                if (f.Element == DdsPrimitive.Struct)
                {
                    ops.AddRange([OpAdr | (ValExt << 16), offset, 0]);
                    patches.Add((insn, insn + 2, 3, f.Nested!.DdsTypeName));
                }
                else
                {
                    ops.AddRange([OpAdr | (code << 16) | flags, offset]);
                    if (code == ValBst) ops.Add((uint)f.StringBound + 1);
                }
                break;
            case DdsCollection.Sequence:
            case DdsCollection.BoundedSequence:
                var bounded = f.Collection == DdsCollection.BoundedSequence;
                if (bounded && f.Length < 1) throw new ArgumentException($"{f.Name}: bounded sequence needs a bound >= 1");
                ops.Add(OpAdr | ((bounded ? ValBsq : ValSeq) << 16) | (code << 8) | flags);
                ops.Add(offset);
                if (bounded) ops.Add((uint)f.Length);
                if (code == ValBst) ops.Add((uint)f.StringBound + 1);
                if (code == ValStu)
                {
                    ops.Add((uint)CSampleLayout.ElementSize(f).Size);
                    ops.Add(0);
                    patches.Add((insn, ops.Count - 1, bounded ? 5u : 4u, f.Nested!.DdsTypeName));
                }
                break;
            case DdsCollection.Array:
                if (f.Length < 1) throw new ArgumentException($"{f.Name}: array length must be >= 1");
                ops.AddRange([OpAdr | (ValArr << 16) | (code << 8) | flags, offset, (uint)f.Length]);
                if (code == ValBst) ops.AddRange([0u, (uint)f.StringBound + 1]);
                if (code == ValStu)
                {
                    ops.Add(0);
                    patches.Add((insn, ops.Count - 1, 5, f.Nested!.DdsTypeName));
                    ops.Add((uint)CSampleLayout.ElementSize(f).Size);
                }
                break;
            default:
                throw new ArgumentException($"{f.Name}: unknown collection {f.Collection}");
        }
    }

    private static (uint Code, uint Flags) ElementCode(DdsField f) => f.Element switch
    {
        DdsPrimitive.Bool => (ValBln, 0),
        DdsPrimitive.Octet or DdsPrimitive.UInt8 => (Val1By, 0),
        DdsPrimitive.Int8 or DdsPrimitive.Char => (Val1By, FlagSgn),
        DdsPrimitive.Int16 => (Val2By, FlagSgn),
        DdsPrimitive.UInt16 => (Val2By, 0),
        DdsPrimitive.Int32 => (Val4By, FlagSgn),
        DdsPrimitive.UInt32 => (Val4By, 0),
        DdsPrimitive.Int64 => (Val8By, FlagSgn),
        DdsPrimitive.UInt64 => (Val8By, 0),
        DdsPrimitive.Float32 => (Val4By, FlagFp),
        DdsPrimitive.Float64 => (Val8By, FlagFp),
        DdsPrimitive.String => (f.StringBound > 0 ? ValBst : ValStr, 0),
        DdsPrimitive.Struct => (f.Nested is null ? throw new ArgumentException($"{f.Name}: struct member without nested type") : ValStu, 0),
        _ => throw new ArgumentException($"{f.Name}: unknown element kind {f.Element}"),
    };

    private static bool IsFixedSize(DdsStructType t) => t.Fields.All(f =>
        f.Collection is DdsCollection.None or DdsCollection.Array &&
        f.Element != DdsPrimitive.String &&
        (f.Element != DdsPrimitive.Struct || IsFixedSize(f.Nested!)));
}
