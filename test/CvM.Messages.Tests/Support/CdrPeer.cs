using System.Text.Json.Nodes;
using CvM.TestSupport;

namespace CvM.Messages.Tests.Support;

/// <summary>One request to test/peers/npm/cdr-roundtrip.js (Foxglove's ROS 2 CDR implementation).</summary>
internal sealed record PeerRequest(string Id, string FullText, string Op, byte[]? Data = null, JsonNode? Value = null, bool Utf8Writer = false);

/// <summary>One answer of the peer.</summary>
internal sealed record PeerResponse(string Id, JsonNode? Decoded, byte[]? Reencoded, byte[]? Encoded);

/// <summary>Runs a batch of requests through the npm peer in one node process.</summary>
internal static class CdrPeer
{
    public static Dictionary<string, PeerResponse> Run(IEnumerable<PeerRequest> requests)
    {
        var arr = new JsonArray();
        foreach (var r in requests)
        {
            var o = new JsonObject { ["id"] = r.Id, ["fullText"] = r.FullText, ["op"] = r.Op, ["utf8Writer"] = r.Utf8Writer };
            if (r.Data is not null) o["data"] = Convert.ToBase64String(r.Data);
            if (r.Value is not null) o["value"] = r.Value.DeepClone();
            arr.Add(o);
        }
        var result = NpmPeer.Run("cdr-roundtrip.js", [], arr.ToJsonString(), TimeSpan.FromMinutes(2));
        var responses = new Dictionary<string, PeerResponse>();
        foreach (var node in JsonNode.Parse(result.StdOut)!.AsArray())
        {
            var id = node!["id"]!.GetValue<string>();
            if (!node["ok"]!.GetValue<bool>())
                throw new InvalidOperationException($"peer failed on {id}: {node["error"]}");
            responses[id] = new PeerResponse(id, node["decoded"],
                Bytes(node["reencoded"]), Bytes(node["encoded"]));
        }
        return responses;
    }

    private static byte[]? Bytes(JsonNode? n) => n is null ? null : Convert.FromBase64String(n.GetValue<string>());
}
