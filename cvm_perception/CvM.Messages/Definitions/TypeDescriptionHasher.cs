using System.Security.Cryptography;
using System.Text;

namespace CvM.Messages.Definitions;

/// <summary>
/// RIHS01 type hashes (REP 2011, rosidl's type description hashing): SHA-256 over the canonical JSON of the
/// type description (the type and every referenced type sorted by name; for each field its name, type id,
/// capacity, string capacity and nested type name; no default values, no comments, no constants), written
/// the way Python's <c>json.dumps</c> writes it with separators <c>", "</c> and <c>": "</c>.
/// </summary>
internal static class TypeDescriptionHasher
{
    // type_description_interfaces/msg/FieldType ids.
    private const int NestedType = 1;
    private const int BoundedStringOffset = 4; // STRING 17 -> BOUNDED_STRING 21, WSTRING 18 -> BOUNDED_WSTRING 22
    private const int FixedArrayOffset = 48;
    private const int BoundedSequenceOffset = 96;
    private const int UnboundedSequenceOffset = 144;

    /// <summary>Computes <c>RIHS01_...</c> for <paramref name="root"/>; <paramref name="resolve"/> finds referenced types.</summary>
    public static string Compute(MessageSchema root, Func<string, MessageSchema> resolve)
    {
        var json = CanonicalJson(root, resolve);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(json));
        return "RIHS01_" + Convert.ToHexStringLower(hash);
    }

    /// <summary>The canonical JSON that is hashed.</summary>
    public static string CanonicalJson(MessageSchema root, Func<string, MessageSchema> resolve)
    {
        var sb = new StringBuilder();
        sb.Append("{\"type_description\": ");
        AppendType(sb, root);
        sb.Append(", \"referenced_type_descriptions\": [");
        var first = true;
        foreach (var name in root.Dependencies)
        {
            if (!first) sb.Append(", ");
            first = false;
            AppendType(sb, resolve(name));
        }
        sb.Append("]}");
        return sb.ToString();
    }

    private static void AppendType(StringBuilder sb, MessageSchema type)
    {
        sb.Append("{\"type_name\": ");
        AppendString(sb, type.RosType);
        sb.Append(", \"fields\": [");
        for (var i = 0; i < type.Fields.Count; i++)
        {
            var f = type.Fields[i];
            if (i > 0) sb.Append(", ");
            sb.Append("{\"name\": ");
            AppendString(sb, f.Name);
            sb.Append(", \"type\": {\"type_id\": ").Append(TypeId(f))
              .Append(", \"capacity\": ").Append(f.Array is ArrayKind.Fixed or ArrayKind.Bounded ? f.ArrayLength : 0)
              .Append(", \"string_capacity\": ").Append(f.StringBound ?? 0)
              .Append(", \"nested_type_name\": ");
            AppendString(sb, f.NestedType ?? string.Empty);
            sb.Append("}}");
        }
        sb.Append("]}");
    }

    private static int TypeId(FieldSchema f)
    {
        var id = f.Kind switch
        {
            FieldKind.Message => NestedType,
            FieldKind.Int8 => 2,
            FieldKind.UInt8 or FieldKind.Char => 3, // msg char is IDL uint8
            FieldKind.Int16 => 4,
            FieldKind.UInt16 => 5,
            FieldKind.Int32 => 6,
            FieldKind.UInt32 => 7,
            FieldKind.Int64 => 8,
            FieldKind.UInt64 => 9,
            FieldKind.Float32 => 10,
            FieldKind.Float64 => 11,
            FieldKind.Bool => 15,
            FieldKind.Byte => 16,
            FieldKind.String => 17,
            FieldKind.WString => 18,
            _ => throw new ArgumentOutOfRangeException(nameof(f)),
        };
        if (f.StringBound is not null) id += BoundedStringOffset;
        return id + f.Array switch
        {
            ArrayKind.Fixed => FixedArrayOffset,
            ArrayKind.Bounded => BoundedSequenceOffset,
            ArrayKind.Unbounded => UnboundedSequenceOffset,
            _ => 0,
        };
    }

    private static void AppendString(StringBuilder sb, string s)
    {
        // json.dumps with ensure_ascii: escape quotes, backslashes, control and non-ASCII characters.
        sb.Append('"');
        foreach (var c in s)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (c < 0x20 || c > 0x7f) sb.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
                    else sb.Append(c);
                    break;
            }
        }
        sb.Append('"');
    }
}
