namespace CvM.Ros.Parameters;

/// <summary>
/// Ordered node-key sections of parameters, the shape of rcl's <c>rcl_params_t</c>: a section is created
/// at the first appearance of its key (exact string) and later values of the same parameter in the same
/// section overwrite in place. Not thread-safe; owned by its builder.
/// </summary>
internal sealed class ParameterTable
{
    private readonly List<(string Key, Dictionary<string, ParameterValue> Values)> _sections = [];
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);

    public int Count => _sections.Count;

    public void Set(string nodeKey, string name, ParameterValue value) => Section(nodeKey)[name] = value;

    public Dictionary<string, ParameterValue> Section(string nodeKey)
    {
        if (_index.TryGetValue(nodeKey, out var i)) return _sections[i].Values;
        var values = new Dictionary<string, ParameterValue>(StringComparer.Ordinal);
        _index[nodeKey] = _sections.Count;
        _sections.Add((nodeKey, values));
        return values;
    }

    public void Merge(IEnumerable<ParameterFileEntry> entries)
    {
        foreach (var entry in entries)
        {
            var section = Section(entry.NodeKey);
            foreach (var (name, value) in entry.Parameters) section[name] = value;
        }
    }

    public List<ParameterFileEntry> ToEntries() =>
        _sections.Select(s => new ParameterFileEntry(s.Key, new Dictionary<string, ParameterValue>(s.Values, StringComparer.Ordinal))).ToList();

    /// <summary>Values for a node: every matching section in order, later sections overwriting earlier ones.</summary>
    public Dictionary<string, ParameterValue> Resolve(string nodeFullyQualifiedName)
    {
        var result = new Dictionary<string, ParameterValue>(StringComparer.Ordinal);
        foreach (var (key, values) in _sections)
        {
            if (!NodeKeyPattern.Matches(key, nodeFullyQualifiedName)) continue;
            foreach (var (name, value) in values) result[name] = value;
        }
        return result;
    }
}
