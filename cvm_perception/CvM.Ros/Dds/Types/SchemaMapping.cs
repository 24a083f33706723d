using CvM.Messages.Definitions;

namespace CvM.Ros.Dds.Types;

/// <summary>
/// Maps a ROS message schema (CvM.Messages) to the IDL struct model rosidl generates for DDS: <c>byte</c> is
/// octet, <c>char</c> is uint8, <c>T[N]</c> an array, <c>T[]</c> a sequence, <c>T[&lt;=N]</c> a bounded sequence,
/// <c>string&lt;=N</c> a bounded string, nested messages are structs named <c>pkg::msg::dds_::T_</c>.
/// </summary>
public static class SchemaMapping
{
    /// <summary>The struct model of <paramref name="schema"/>; nested types come from <paramref name="resolve"/> (default: Jazzy definitions).</summary>
    /// <exception cref="NotSupportedException">The schema holds a <c>wstring</c> (not used by the supported types).</exception>
    public static DdsStructType ToStructType(MessageSchema schema, Func<string, MessageSchema>? resolve = null)
    {
        ArgumentNullException.ThrowIfNull(schema);
        resolve ??= MessageDefinitions.Get;
        return Map(schema, resolve, new Dictionary<string, DdsStructType>(StringComparer.Ordinal));
    }

    private static DdsStructType Map(MessageSchema schema, Func<string, MessageSchema> resolve, Dictionary<string, DdsStructType> done)
    {
        if (done.TryGetValue(schema.RosType, out var known)) return known;
        var fields = new List<DdsField>(schema.Fields.Count);
        foreach (var f in schema.Fields)
        {
            var element = f.Kind switch
            {
                FieldKind.Bool => DdsPrimitive.Bool,
                FieldKind.Byte => DdsPrimitive.Octet,
                FieldKind.Char or FieldKind.UInt8 => DdsPrimitive.UInt8,
                FieldKind.Int8 => DdsPrimitive.Int8,
                FieldKind.Int16 => DdsPrimitive.Int16,
                FieldKind.UInt16 => DdsPrimitive.UInt16,
                FieldKind.Int32 => DdsPrimitive.Int32,
                FieldKind.UInt32 => DdsPrimitive.UInt32,
                FieldKind.Int64 => DdsPrimitive.Int64,
                FieldKind.UInt64 => DdsPrimitive.UInt64,
                FieldKind.Float32 => DdsPrimitive.Float32,
                FieldKind.Float64 => DdsPrimitive.Float64,
                FieldKind.String => DdsPrimitive.String,
                FieldKind.Message => DdsPrimitive.Struct,
                _ => throw new NotSupportedException($"{schema.RosType}.{f.Name}: field kind {f.Kind} is not supported by the DDS binding"),
            };
            var collection = f.Array switch
            {
                ArrayKind.None => DdsCollection.None,
                ArrayKind.Fixed => DdsCollection.Array,
                ArrayKind.Unbounded => DdsCollection.Sequence,
                ArrayKind.Bounded => DdsCollection.BoundedSequence,
                _ => throw new NotSupportedException($"{schema.RosType}.{f.Name}: array kind {f.Array}"),
            };
            DdsStructType? nested = null;
            if (element == DdsPrimitive.Struct)
            {
                var nestedName = f.NestedType ?? throw new ArgumentException($"{schema.RosType}.{f.Name}: message field without a type");
                nested = Map(resolve(nestedName), resolve, done);
            }
            fields.Add(new DdsField(f.Name, element, collection, f.ArrayLength, f.StringBound ?? 0, nested));
        }
        var result = new DdsStructType(schema.DdsTypeName, fields);
        done[schema.RosType] = result;
        return result;
    }
}
