using System.Globalization;

namespace CvM.Ros.Tests.Interop;

/// <summary>64-bit FNV-1a, the hash the Fast DDS peer prints for image data (16 lower-case hex digits).</summary>
internal static class Fnv1a64
{
    public static string Hex(ReadOnlySpan<byte> data)
    {
        var h = 0xcbf29ce484222325UL;
        foreach (var b in data)
        {
            h ^= b;
            h *= 0x100000001b3UL;
        }
        return h.ToString("x16", CultureInfo.InvariantCulture);
    }
}
