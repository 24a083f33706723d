using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;
using CvM.Ros.Names;

namespace CvM.Ros.Parameters;

/// <summary>
/// Node keys of parameter files and their matching against a fully qualified node name, as rcl validates
/// them (<c>_validate_name</c>) and rclcpp matches them (<c>parameter_map_from</c>): a leading <c>/</c> is
/// added, then each <c>/*</c> stands for one <c>/token</c>, so <c>/**</c> is any number of tokens (any node),
/// <c>/*</c> any node in the root namespace, <c>/**/node</c> a node named <c>node</c> in any namespace, and a
/// plain <c>node</c> only <c>/node</c>.
/// </summary>
internal static class NodeKeyPattern
{
    private const int MaxCachedKeys = 1024;
    private static readonly ConcurrentDictionary<string, Regex> Cache = new(StringComparer.Ordinal);

    /// <summary>Why <paramref name="key"/> is not a valid node key, or null when it is.</summary>
    public static string? Validate(string key)
    {
        if (key is "/**" or "/*") return null;
        var lastSlash = key.LastIndexOf('/');
        var nodeName = key[(lastSlash + 1)..];
        if (lastSlash >= 0)
        {
            var ns = key[..lastSlash];
            var tokens = ns.Split('/');
            for (var i = 0; i < tokens.Length; i++)
            {
                var token = tokens[i];
                if (token.Length == 0)
                {
                    if (i == 0) continue; // leading '/'
                    return $"'{key}' contains repeated forward slash";
                }
                if (token is "*" or "**") continue;
                var r = RosNames.ValidateNodeName(token);
                if (!r.IsValid) return $"namespace token '{token}' of '{key}': {r.Message}";
            }
        }
        if (nodeName is "*" or "**") return null;
        var n = RosNames.ValidateNodeName(nodeName);
        return n.IsValid ? null : $"node name '{nodeName}' of '{key}': {n.Message}";
    }

    /// <summary>True when the section <paramref name="key"/> applies to the node <paramref name="nodeFullyQualifiedName"/>.</summary>
    public static bool Matches(string key, string nodeFullyQualifiedName)
    {
        // Keys come from configuration, so few distinct ones; bound the cache anyway.
        if (Cache.Count > MaxCachedKeys) Cache.Clear();
        return Cache.GetOrAdd(key, Build).IsMatch(nodeFullyQualifiedName);
    }

    private static Regex Build(string key)
    {
        var normalized = key.StartsWith('/') ? key : "/" + key;
        var sb = new StringBuilder("^");
        var i = 0;
        while (i < normalized.Length)
        {
            if (normalized[i] == '/' && i + 1 < normalized.Length && normalized[i + 1] == '*')
            {
                sb.Append("(/[A-Za-z0-9_]+)");
                i += 2;
                continue;
            }
            sb.Append(normalized[i] == '*' ? "*" : Regex.Escape(normalized[i].ToString()));
            i++;
        }
        sb.Append('$');
        // Non-backtracking: keys such as "/**/**/**/x" stay linear in the name's length.
        return new Regex(sb.ToString(), RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);
    }
}
