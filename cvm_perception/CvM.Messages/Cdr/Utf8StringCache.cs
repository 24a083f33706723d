using System.Runtime.InteropServices;
using System.Text;

namespace CvM.Messages.Cdr;

/// <summary>
/// A small, lock-free cache from UTF-8 bytes to <see cref="string"/> so that strings repeated message after
/// message (frame ids, encodings) decode without allocating. Entries are immutable and replaced whole, so
/// concurrent readers always see a consistent entry; a collision simply evicts the older string.
/// </summary>
internal static class Utf8StringCache
{
    /// <summary>Strings longer than this (in UTF-8 bytes) are not cached.</summary>
    public const int MaxCachedLength = 128;

    private const int SlotCount = 256;

    private static readonly Entry?[] Slots = new Entry?[SlotCount];

    /// <summary>Returns the string for <paramref name="utf8"/>, from the cache when seen before.</summary>
    public static string Get(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length == 0) return string.Empty;
        if (utf8.Length > MaxCachedLength) return Encoding.UTF8.GetString(utf8);
        var hash = Hash(utf8);
        ref var slot = ref Slots[hash & (SlotCount - 1)];
        var entry = Volatile.Read(ref slot);
        if (entry is not null && entry.Hash == hash && utf8.SequenceEqual(entry.Utf8)) return entry.Value;
        var created = new Entry(hash, utf8.ToArray(), Encoding.UTF8.GetString(utf8));
        Volatile.Write(ref slot, created);
        return created.Value;
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
