using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json.Nodes;
using CvM.Messages.Definitions;
using CvM.Messages.RmwDdsCommon;

namespace CvM.Messages.Tests.Support;

/// <summary>
/// Converts our message objects to the tagged JSON the npm peer speaks (see test/peers/npm/cdr-roundtrip.js),
/// field by field as the schema lists them: every schema field must map to a property whose snake_case name
/// equals the field name, so a field missing from a C# type fails the test.
/// </summary>
internal static class MessageJson
{
    public static JsonNode ToJson(object message, string rosType, GidSize gidSize = GidSize.Jazzy)
    {
        var schema = MessageDefinitions.Get(rosType, gidSize);
        var obj = new JsonObject();
        foreach (var field in schema.Fields)
        {
            var prop = FindProperty(message.GetType(), field.Name);
            var value = prop.GetValue(message);
            obj[field.Name] = FieldToJson(field, value, gidSize);
        }
        return obj;
    }

    private static JsonNode? FieldToJson(FieldSchema field, object? value, GidSize gidSize)
    {
        if (field.Array == ArrayKind.None) return ScalarToJson(field, value, gidSize);
        if (field.Kind is FieldKind.UInt8 or FieldKind.Byte or FieldKind.Char)
            return new JsonObject { ["$b"] = Convert.ToBase64String((byte[])value!) };
        var arr = new JsonArray();
        foreach (var e in (IEnumerable)value!) arr.Add(ScalarToJson(field, e, gidSize));
        return arr;
    }

    private static JsonNode? ScalarToJson(FieldSchema field, object? value, GidSize gidSize) => field.Kind switch
    {
        FieldKind.Message => ToJson(value!, field.NestedType!, gidSize),
        FieldKind.Bool => JsonValue.Create((bool)value!),
        FieldKind.String or FieldKind.WString => JsonValue.Create((string)value!),
        FieldKind.Float32 => Number((float)value!),
        FieldKind.Float64 => Number((double)value!),
        FieldKind.Int64 => new JsonObject { ["$i"] = ((long)value!).ToString(CultureInfo.InvariantCulture) },
        FieldKind.UInt64 => new JsonObject { ["$i"] = ((ulong)value!).ToString(CultureInfo.InvariantCulture) },
        _ => JsonValue.Create(Convert.ToInt64(value, CultureInfo.InvariantCulture)),
    };

    private static JsonNode Number(double d) =>
        double.IsFinite(d) ? JsonValue.Create(d) : new JsonObject { ["$f"] = double.IsNaN(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity" };

    private static PropertyInfo FindProperty(Type type, string fieldName)
    {
        foreach (var p in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            if (SnakeCase(p.Name) == fieldName) return p;
        throw new InvalidOperationException($"{type.Name} has no property for field '{fieldName}'");
    }

    public static string SnakeCase(string pascal)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < pascal.Length; i++)
        {
            var c = pascal[i];
            if (char.IsUpper(c) && i > 0 &&
                (char.IsLower(pascal[i - 1]) || char.IsDigit(pascal[i - 1]) ||
                 (i + 1 < pascal.Length && char.IsLower(pascal[i + 1]))))
                sb.Append('_');
            sb.Append(char.ToLowerInvariant(c));
        }
        return sb.ToString();
    }
}
