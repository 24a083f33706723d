using System.Text.Json;
using System.Text.Json.Serialization;

namespace CvM.Inference;

/// <summary>
/// Reads a colour as <c>[r, g, b]</c> or as a base64 string of 3 bytes (System.Text.Json's default for
/// <c>byte[]</c>, which is what the training tool's manifest writer emits); writes <c>[r, g, b]</c>.
/// </summary>
internal sealed class RgbJsonConverter : JsonConverter<byte[]>
{
    public override byte[] Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        byte[] rgb;
        if (reader.TokenType == JsonTokenType.String)
        {
            rgb = reader.GetBytesFromBase64();
        }
        else if (reader.TokenType == JsonTokenType.StartArray)
        {
            var list = new List<byte>(3);
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt32(out var v) || v is < 0 or > 255)
                    throw new JsonException("colour components must be integers 0..255");
                list.Add((byte)v);
            }
            rgb = list.ToArray();
        }
        else
        {
            throw new JsonException("colour must be [r, g, b] or base64");
        }
        if (rgb.Length != 3) throw new JsonException($"colour must have 3 components, has {rgb.Length}");
        return rgb;
    }

    public override void Write(Utf8JsonWriter writer, byte[] value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        foreach (var b in value) writer.WriteNumberValue(b);
        writer.WriteEndArray();
    }
}
