using System.Globalization;

namespace CvM.Messages.Definitions;

/// <summary>Parses ROS 2 <c>.msg</c> text into fields and constants.</summary>
internal static class MsgParser
{
    private static readonly Dictionary<string, FieldKind> Primitives = new(StringComparer.Ordinal)
    {
        ["bool"] = FieldKind.Bool,
        ["byte"] = FieldKind.Byte,
        ["char"] = FieldKind.Char,
        ["int8"] = FieldKind.Int8,
        ["uint8"] = FieldKind.UInt8,
        ["int16"] = FieldKind.Int16,
        ["uint16"] = FieldKind.UInt16,
        ["int32"] = FieldKind.Int32,
        ["uint32"] = FieldKind.UInt32,
        ["int64"] = FieldKind.Int64,
        ["uint64"] = FieldKind.UInt64,
        ["float32"] = FieldKind.Float32,
        ["float64"] = FieldKind.Float64,
        ["string"] = FieldKind.String,
        ["wstring"] = FieldKind.WString,
    };

    /// <summary>Parses <paramref name="text"/> of a type in <paramref name="package"/>.</summary>
    /// <exception cref="FormatException">A line is not a valid field or constant.</exception>
    public static (List<FieldSchema> Fields, List<ConstantSchema> Constants) Parse(string package, string text)
    {
        var fields = new List<FieldSchema>();
        var constants = new List<ConstantSchema>();
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.Trim();
            if (line.Length == 0 || line[0] == '#') continue;
            var split = line.IndexOfAny([' ', '\t']);
            if (split < 0) throw new FormatException($"'{line}' has a type but no name");
            var typeToken = line[..split];
            var rest = line[split..].TrimStart();
            var (kind, nested, array, arrayLength, stringBound) = ParseType(package, typeToken);
            var eq = rest.IndexOf('=', StringComparison.Ordinal);
            var hash = rest.IndexOf('#', StringComparison.Ordinal);
            if (eq > 0 && (hash < 0 || eq < hash))
            {
                var name = rest[..eq].Trim();
                var value = rest[(eq + 1)..].Trim();
                if (kind is not (FieldKind.String or FieldKind.WString))
                    value = StripComment(value);
                constants.Add(new ConstantSchema(name, kind, value));
                continue;
            }
            rest = StripComment(rest);
            var nameEnd = rest.IndexOfAny([' ', '\t']);
            var fieldName = nameEnd < 0 ? rest : rest[..nameEnd];
            var defaultValue = nameEnd < 0 ? null : rest[nameEnd..].Trim();
            if (fieldName.Length == 0) throw new FormatException($"'{line}' has no field name");
            fields.Add(new FieldSchema(fieldName, kind, nested, array, arrayLength, stringBound,
                string.IsNullOrEmpty(defaultValue) ? null : defaultValue));
        }
        return (fields, constants);
    }

    private static string StripComment(string s)
    {
        var hash = s.IndexOf('#', StringComparison.Ordinal);
        return (hash < 0 ? s : s[..hash]).Trim();
    }

    private static (FieldKind Kind, string? Nested, ArrayKind Array, int ArrayLength, int? StringBound) ParseType(
        string package, string token)
    {
        var array = ArrayKind.None;
        var arrayLength = 0;
        var bracket = token.IndexOf('[', StringComparison.Ordinal);
        var baseType = token;
        if (bracket >= 0)
        {
            if (!token.EndsWith(']')) throw new FormatException($"bad array type '{token}'");
            var inner = token[(bracket + 1)..^1];
            baseType = token[..bracket];
            if (inner.Length == 0)
            {
                array = ArrayKind.Unbounded;
            }
            else if (inner.StartsWith("<=", StringComparison.Ordinal))
            {
                array = ArrayKind.Bounded;
                arrayLength = int.Parse(inner[2..], NumberStyles.None, CultureInfo.InvariantCulture);
            }
            else
            {
                array = ArrayKind.Fixed;
                arrayLength = int.Parse(inner, NumberStyles.None, CultureInfo.InvariantCulture);
            }
        }
        int? stringBound = null;
        var le = baseType.IndexOf("<=", StringComparison.Ordinal);
        if (le >= 0)
        {
            stringBound = int.Parse(baseType[(le + 2)..], NumberStyles.None, CultureInfo.InvariantCulture);
            baseType = baseType[..le];
            if (baseType is not ("string" or "wstring")) throw new FormatException($"only strings take a bound: '{token}'");
        }
        if (Primitives.TryGetValue(baseType, out var kind)) return (kind, null, array, arrayLength, stringBound);
        return (FieldKind.Message, ResolveNested(package, baseType), array, arrayLength, stringBound);
    }

    /// <summary>Full name (<c>pkg/msg/Type</c>) of a nested type written as <c>Type</c>, <c>pkg/Type</c> or <c>pkg/msg/Type</c>.</summary>
    public static string ResolveNested(string package, string name)
    {
        var parts = name.Split('/');
        return parts.Length switch
        {
            1 => $"{package}/msg/{parts[0]}",
            2 => $"{parts[0]}/msg/{parts[1]}",
            3 when parts[1] == "msg" => name,
            _ => throw new FormatException($"bad type name '{name}'"),
        };
    }
}
