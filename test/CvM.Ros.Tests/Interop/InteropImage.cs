using System.Globalization;
using System.Text.Json;

namespace CvM.Ros.Tests.Interop;

/// <summary>
/// What both sides of an interop test compare for one image: the metadata fields and the FNV-1a hash of the
/// pixel bytes, keyed by the stamp (unique per image).
/// </summary>
internal sealed record InteropImage(int Sec, uint Nanosec, uint Width, uint Height, string Encoding, byte IsBigendian,
    uint Step, string FrameId, int Size, string Fnv1a64)
{
    /// <summary>The image a peer line (<c>sent</c> or <c>image</c>) describes.</summary>
    public static InteropImage FromPeerLine(JsonElement l) => new(
        l.GetProperty("sec").GetInt32(), l.GetProperty("nanosec").GetUInt32(), l.GetProperty("width").GetUInt32(),
        l.GetProperty("height").GetUInt32(), l.GetProperty("encoding").GetString()!, l.GetProperty("is_bigendian").GetByte(),
        l.GetProperty("step").GetUInt32(), l.GetProperty("frame_id").GetString()!, l.GetProperty("size").GetInt32(),
        l.GetProperty("fnv1a64").GetString()!);

    /// <summary>Stamp in nanoseconds since the epoch.</summary>
    public long StampNs => Sec * 1_000_000_000L + Nanosec;

    /// <summary>p50 and p99 of <paramref name="values"/> (nearest rank), formatted for the test log.</summary>
    public static string Percentiles(IReadOnlyList<double> values, string unit)
    {
        if (values.Count == 0) return "no samples";
        var sorted = values.Order().ToArray();
        double At(double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
        return string.Create(CultureInfo.InvariantCulture, $"p50 {At(0.50):F2} {unit}, p99 {At(0.99):F2} {unit}, n={sorted.Length}");
    }
}
