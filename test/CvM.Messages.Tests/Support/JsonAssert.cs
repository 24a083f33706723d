using System.Text.Json;
using System.Text.Json.Nodes;

namespace CvM.Messages.Tests.Support;

/// <summary>Deep comparison of tagged JSON values: numbers as doubles, everything else exactly.</summary>
internal static class JsonAssert
{
    public static void Equal(JsonNode? expected, JsonNode? actual, string path = "$")
    {
        switch (expected)
        {
            case null:
                Assert.True(actual is null, $"{path}: expected null, got {actual?.ToJsonString()}");
                return;
            case JsonObject eo:
                var ao = Assert.IsType<JsonObject>(actual, exactMatch: false);
                Assert.True(eo.Select(p => p.Key).Order().SequenceEqual(ao.Select(p => p.Key).Order()),
                    $"{path}: keys differ: {string.Join(',', eo.Select(p => p.Key))} vs {string.Join(',', ao.Select(p => p.Key))}");
                foreach (var (k, v) in eo) Equal(v, ao[k], $"{path}.{k}");
                return;
            case JsonArray ea:
                var aa = Assert.IsType<JsonArray>(actual, exactMatch: false);
                Assert.True(ea.Count == aa.Count, $"{path}: {ea.Count} elements expected, {aa.Count} found");
                for (var i = 0; i < ea.Count; i++) Equal(ea[i], aa[i], $"{path}[{i}]");
                return;
            case JsonValue ev:
                var av = Assert.IsType<JsonValue>(actual, exactMatch: false);
                if (ev.GetValueKind() == JsonValueKind.Number)
                {
                    Assert.True(av.GetValueKind() == JsonValueKind.Number, $"{path}: expected a number, got {av.ToJsonString()}");
                    Assert.True(Num(ev) == Num(av), $"{path}: {ev.ToJsonString()} != {av.ToJsonString()}");
                }
                else
                {
                    Assert.True(ev.ToJsonString() == av.ToJsonString(), $"{path}: {ev.ToJsonString()} != {av.ToJsonString()}");
                }
                return;
        }
    }

    private static double Num(JsonValue v) => double.Parse(v.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture);
}
