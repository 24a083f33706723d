namespace CvM.Keyframes.Poses;

/// <summary>
/// Frame id to dense index, ignoring one leading '/' (tf2 does the same). Lookups of known ids allocate nothing
/// (span-keyed alternate lookup); registering a new id allocates its string once.
/// </summary>
internal sealed class FrameIdTable
{
    private readonly Dictionary<string, int> _ids;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly string[] _names;

    public FrameIdTable(int capacity)
    {
        _ids = new Dictionary<string, int>(capacity, StringComparer.Ordinal);
        _lookup = _ids.GetAlternateLookup<ReadOnlySpan<char>>();
        _names = new string[capacity];
    }

    public int Count => _ids.Count;

    public int Capacity => _names.Length;

    /// <summary>The id as stored (without a leading '/').</summary>
    public string NameOf(int index) => _names[index];

    /// <summary>The index of <paramref name="frameId"/>, or -1 when unknown or empty.</summary>
    public int Find(string? frameId)
    {
        var key = Normalize(frameId);
        if (key.IsEmpty) return -1;
        return _lookup.TryGetValue(key, out var index) ? index : -1;
    }

    /// <summary>The index of <paramref name="frameId"/>, registering it when new; -1 when empty or the table is full.</summary>
    public int FindOrAdd(string? frameId)
    {
        var key = Normalize(frameId);
        if (key.IsEmpty) return -1;
        if (_lookup.TryGetValue(key, out var index)) return index;
        if (_ids.Count == _names.Length) return -1;
        index = _ids.Count;
        var name = key.ToString();
        _ids.Add(name, index);
        _names[index] = name;
        return index;
    }

    public static ReadOnlySpan<char> Normalize(string? frameId)
    {
        var span = frameId.AsSpan();
        return span.Length > 0 && span[0] == '/' ? span[1..] : span;
    }
}
