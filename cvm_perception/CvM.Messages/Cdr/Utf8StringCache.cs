using System.Runtime.InteropServices;
using System.Text;

namespace CvM.Messages.Cdr;

/// <summary>
/// A small per-thread cache from UTF-8 bytes to <see cref="string"/> so that strings repeated message after
/// message (frame ids, encodings) decode without allocating. Per thread, so a decoder thread's working set is
/// not evicted by other threads decoding other strings; a collision simply evicts the older string.
/// </summary>
internal static class Utf8StringCache
{
    /// <summary>Strings longer than this (in UTF-8 bytes) are not cached.</summary>
    public const int MaxCachedLength = 128;

    private const int SlotCount = 256;

    [ThreadStatic]
    private static Entry?[]? _slots;

    /// <summary>Returns the string for <paramref name="utf8"/>, from the cache when seen before.</summary>
    public static string Get(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length == 0) return string.Empty;
        if (utf8.Length > MaxCachedLength) return Encoding.UTF8.GetString(utf8);
        var hash = Hash(utf8);
        var slots = _slots ??= new Entry?[SlotCount];
        ref var slot = ref slots[hash & (SlotCount - 1)];
        var entry = slot;
        if (entry is not null && entry.Hash == hash && utf8.SequenceEqual(entry.Utf8)) return entry.Value;
        slot = new Entry(hash, utf8.ToArray(), Encoding.UTF8.GetString(utf8));
        return slot.Value;
    }

    private static uint Hash(ReadOnlySpan<byte> bytes)
    {
        // FNV-1a: cheap and good enough to spread short names over the slots.
        var h = 2166136261u;
        foreach (var b in bytes) h = (h ^ b) * 16777619u;
        return h;
    }

    [StructLayout(LayoutKind.Auto)]
    private sealed record Entry(uint Hash, byte[] Utf8, string Value);
}
