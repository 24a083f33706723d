using System.Reflection;
using CvM.Messages.RmwDdsCommon;

namespace CvM.Messages.Definitions;

/// <summary>The schemas of one distribution layout, built from the embedded <c>.msg</c> texts.</summary>
internal sealed class DefinitionSet
{
    private const string Separator = "================================================================================";
    private const string ResourcePrefix = "msg/";
    private const string HumbleSuffix = "_humble";

    private readonly Dictionary<string, MessageSchema> _schemas = new(StringComparer.Ordinal);

    private DefinitionSet(Dictionary<string, string> texts)
    {
        foreach (var (rosType, text) in texts)
        {
            var parts = rosType.Split('/');
            var (fields, constants) = MsgParser.Parse(parts[0], text);
            _schemas[rosType] = new MessageSchema(parts[0], parts[2], text, fields, constants);
        }
        foreach (var schema in _schemas.Values)
        {
            var all = new SortedSet<string>(StringComparer.Ordinal);
            CollectDependencies(schema, all);
            schema.Dependencies = all.ToArray();
        }
        foreach (var schema in _schemas.Values)
        {
            schema.FullText = BuildFullText(schema);
            schema.Rihs01 = TypeDescriptionHasher.Compute(schema, Get);
        }
    }

    public IReadOnlyCollection<string> RosTypes => _schemas.Keys;

    public MessageSchema Get(string rosType) =>
        _schemas.TryGetValue(rosType, out var s) ? s : throw new KeyNotFoundException($"no message definition for '{rosType}'");

    public bool TryGet(string rosType, out MessageSchema schema) => _schemas.TryGetValue(rosType, out schema!);

    /// <summary>Loads the embedded texts for a gid layout (Humble swaps in its 24-byte Gid).</summary>
    public static DefinitionSet Load(GidSize gidSize)
    {
        var assembly = typeof(DefinitionSet).Assembly;
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        var humble = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            if (!resource.StartsWith(ResourcePrefix, StringComparison.Ordinal) || !resource.EndsWith(".msg", StringComparison.Ordinal))
                continue;
            var parts = resource[ResourcePrefix.Length..^4].Split('/', '\\');
            if (parts.Length != 2) continue;
            var text = ReadResource(assembly, resource);
            if (parts[0].EndsWith(HumbleSuffix, StringComparison.Ordinal))
                humble[$"{parts[0][..^HumbleSuffix.Length]}/msg/{parts[1]}"] = text;
            else
                texts[$"{parts[0]}/msg/{parts[1]}"] = text;
        }
        if (gidSize == GidSize.Humble)
            foreach (var (k, v) in humble) texts[k] = v;
        return new DefinitionSet(texts);
    }

    private static string ReadResource(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"embedded resource {name} missing");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private void CollectDependencies(MessageSchema schema, SortedSet<string> all)
    {
        foreach (var f in schema.Fields)
        {
            if (f.NestedType is null || !all.Add(f.NestedType)) continue;
            CollectDependencies(Get(f.NestedType), all);
        }
    }

    private string BuildFullText(MessageSchema root)
    {
        // rosbag2's local message definition source: own text, then depth first over each type's direct
        // dependencies in sorted order ("pkg/Type" names), each type once.
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var sb = new System.Text.StringBuilder();
        Append(root);
        return sb.ToString();

        void Append(MessageSchema schema)
        {
            sb.Append(schema.Text);
            var direct = new SortedSet<string>(
                schema.Fields.Where(f => f.NestedType is not null).Select(f => ShortName(f.NestedType!)),
                StringComparer.Ordinal);
            foreach (var dep in direct)
            {
                if (!seen.Add(dep)) continue;
                sb.Append('\n').Append(Separator).Append("\nMSG: ").Append(dep).Append('\n');
                Append(Get(LongName(dep)));
            }
        }
    }

    private static string ShortName(string rosType) => rosType.Replace("/msg/", "/", StringComparison.Ordinal);

    private static string LongName(string shortName)
    {
        var slash = shortName.IndexOf('/', StringComparison.Ordinal);
        return $"{shortName[..slash]}/msg/{shortName[(slash + 1)..]}";
    }
}
