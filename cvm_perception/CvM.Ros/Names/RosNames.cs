using System.Text;

namespace CvM.Ros.Names;

/// <summary>
/// ROS 2 name rules: validation of node names, namespaces and topic/service names as rmw and rcl apply
/// them, and expansion of relative (<c>depth</c>), private (<c>~/depth</c>) and absolute (<c>/abs</c>)
/// names for a node, with the <c>{node}</c>, <c>{ns}</c>/<c>{namespace}</c> substitutions.
/// Pure functions over strings; nothing to own.
/// </summary>
public static class RosNames
{
    /// <summary>Longest node name rmw accepts (RMW_NODE_NAME_MAX_NAME_LENGTH).</summary>
    public const int MaxNodeNameLength = 255;

    /// <summary>Longest fully qualified topic name rmw accepts (255 minus 8 reserved for DDS prefixes).</summary>
    public const int MaxTopicNameLength = 255 - 8;

    /// <summary>Longest namespace rmw accepts (RMW_NAMESPACE_MAX_LENGTH).</summary>
    public const int MaxNamespaceLength = MaxTopicNameLength - 2;

    /// <summary>Validates a node name (no namespace): <c>[A-Za-z_][A-Za-z0-9_]*</c>, at most 255 characters.</summary>
    public static NameValidationResult ValidateNodeName(string nodeName)
    {
        ArgumentNullException.ThrowIfNull(nodeName);
        if (nodeName.Length == 0) return NameValidationResult.Invalid("node name must not be empty", 0);
        for (var i = 0; i < nodeName.Length; i++)
        {
            if (!IsAlnumOrUnderscore(nodeName[i]))
            {
                return NameValidationResult.Invalid(
                    "node name must not contain characters other than alphanumerics or '_'", i);
            }
        }
        if (char.IsAsciiDigit(nodeName[0])) return NameValidationResult.Invalid("node name must not start with a number", 0);
        if (nodeName.Length > MaxNodeNameLength)
        {
            return NameValidationResult.Invalid($"node name length should not exceed {MaxNodeNameLength}", MaxNodeNameLength - 1);
        }
        return NameValidationResult.Valid;
    }

    /// <summary>Validates an absolute namespace (<c>/</c> or <c>/a/b</c>; no trailing slash).</summary>
    public static NameValidationResult ValidateNamespace(string nodeNamespace)
    {
        ArgumentNullException.ThrowIfNull(nodeNamespace);
        if (nodeNamespace == "/") return NameValidationResult.Valid;
        var r = ValidateFullNameShape(nodeNamespace, "namespace");
        if (!r.IsValid) return r;
        if (nodeNamespace.Length > MaxNamespaceLength)
        {
            return NameValidationResult.Invalid($"namespace should not exceed {MaxNamespaceLength}", MaxNamespaceLength - 1);
        }
        return NameValidationResult.Valid;
    }

    /// <summary>Validates a fully qualified (expanded) topic or service name such as <c>/ns/depth</c>.</summary>
    public static NameValidationResult ValidateFullTopicName(string topicName)
    {
        ArgumentNullException.ThrowIfNull(topicName);
        var r = ValidateFullNameShape(topicName, "topic name");
        if (!r.IsValid) return r;
        if (topicName.Length > MaxTopicNameLength)
        {
            return NameValidationResult.Invalid($"topic length should not exceed {MaxTopicNameLength}", MaxTopicNameLength - 1);
        }
        return NameValidationResult.Valid;
    }

    /// <summary>
    /// Validates a topic or service name as written in code or a remap rule, before expansion: relative,
    /// private (<c>~/x</c>) and absolute forms, with balanced <c>{substitutions}</c> (rcl rules).
    /// </summary>
    public static NameValidationResult ValidateTopicName(string topicName)
    {
        ArgumentNullException.ThrowIfNull(topicName);
        if (topicName.Length == 0) return NameValidationResult.Invalid("topic name must not be empty string", 0);
        if (char.IsAsciiDigit(topicName[0])) return NameValidationResult.Invalid("topic name token must not start with a number", 0);
        if (topicName[^1] == '/') return NameValidationResult.Invalid("topic name must not end with a forward slash", topicName.Length - 1);
        var inBrace = false;
        var braceIndex = 0;
        for (var i = 0; i < topicName.Length; i++)
        {
            var c = topicName[i];
            if (char.IsAsciiLetterOrDigit(c))
            {
                if (char.IsAsciiDigit(c) && inBrace && i == braceIndex + 1)
                {
                    return NameValidationResult.Invalid("substitution name must not start with a number", i);
                }
            }
            else if (c == '_')
            {
            }
            else if (c == '/')
            {
                if (inBrace) return NameValidationResult.Invalid("substitution name must not contain characters other than alphanumerics or '_'", i);
            }
            else if (c == '~')
            {
                if (i != 0) return NameValidationResult.Invalid("topic name must not have tilde '~' unless it is the first character", i);
            }
            else if (c == '{')
            {
                if (inBrace) return NameValidationResult.Invalid("substitution name must not contain characters other than alphanumerics or '_'", i);
                inBrace = true;
                braceIndex = i;
            }
            else if (c == '}')
            {
                if (!inBrace) return NameValidationResult.Invalid("topic name must not have unmatched (unbalanced) curly braces '{}'", i);
                inBrace = false;
            }
            else
            {
                return NameValidationResult.Invalid(
                    inBrace
                        ? "substitution name must not contain characters other than alphanumerics or '_'"
                        : "topic name must not contain characters other than alphanumerics, '_', '~', '{', or '}'",
                    i);
            }
        }
        if (inBrace) return NameValidationResult.Invalid("topic name must not have unmatched (unbalanced) curly braces '{}'", braceIndex);
        for (var i = 0; i < topicName.Length - 1; i++)
        {
            if (topicName[i] == '/' && char.IsAsciiDigit(topicName[i + 1]))
            {
                return NameValidationResult.Invalid("topic name token must not start with a number", i + 1);
            }
            if (i == 1 && topicName[0] == '~' && topicName[1] != '/')
            {
                return NameValidationResult.Invalid("topic name must not have a tilde '~' that is not followed by a forward slash '/'", 1);
            }
        }
        if (topicName.Length == 2 && topicName[0] == '~' && topicName[1] != '/')
        {
            return NameValidationResult.Invalid("topic name must not have a tilde '~' that is not followed by a forward slash '/'", 1);
        }
        return NameValidationResult.Valid;
    }

    /// <summary>The fully qualified node name: <c>/node</c> in the root namespace, else <c>/ns/node</c>.</summary>
    public static string FullyQualifiedNodeName(string nodeNamespace, string nodeName)
    {
        ArgumentNullException.ThrowIfNull(nodeNamespace);
        ArgumentNullException.ThrowIfNull(nodeName);
        return nodeNamespace == "/" ? "/" + nodeName : nodeNamespace + "/" + nodeName;
    }

    /// <summary>
    /// Expands a topic or service name for a node: <c>~/depth</c> becomes <c>/ns/node/depth</c>,
    /// <c>depth</c> becomes <c>/ns/depth</c>, <c>/abs</c> stays; <c>{node}</c>, <c>{ns}</c> and
    /// <c>{namespace}</c> are substituted. The result is checked as a fully qualified name.
    /// </summary>
    /// <exception cref="RosNameException">The name, the node name, the namespace or the result is invalid.</exception>
    public static string ExpandTopicName(string name, string nodeName, string nodeNamespace)
    {
        ThrowIfInvalid(name, ValidateTopicName(name));
        ThrowIfInvalid(nodeName, ValidateNodeName(nodeName));
        ThrowIfInvalid(nodeNamespace, ValidateNamespace(nodeNamespace));

        var nodeFqn = FullyQualifiedNodeName(nodeNamespace, nodeName);
        var expanded = name;
        if (expanded[0] == '~') expanded = nodeFqn + expanded[1..];
        if (expanded.Contains('{', StringComparison.Ordinal)) expanded = Substitute(expanded, name, nodeName, nodeNamespace);
        if (expanded[0] != '/') expanded = nodeNamespace == "/" ? "/" + expanded : nodeNamespace + "/" + expanded;
        ThrowIfInvalid(expanded, ValidateFullTopicName(expanded));
        return expanded;
    }

    /// <summary>Throws <see cref="RosNameException"/> when <paramref name="result"/> is invalid.</summary>
    public static void ThrowIfInvalid(string name, NameValidationResult result)
    {
        if (!result.IsValid) throw new RosNameException(name, result.Message ?? "invalid", result.InvalidIndex);
    }

    private static string Substitute(string text, string original, string nodeName, string nodeNamespace)
    {
        var sb = new StringBuilder(text.Length + 32);
        var i = 0;
        while (i < text.Length)
        {
            var open = text.IndexOf('{', i);
            if (open < 0)
            {
                sb.Append(text, i, text.Length - i);
                break;
            }
            sb.Append(text, i, open - i);
            var close = text.IndexOf('}', open);
            var key = text.Substring(open + 1, close - open - 1);
            var value = key switch
            {
                "node" => nodeName,
                "ns" or "namespace" => nodeNamespace,
                _ => throw new RosNameException(original, $"unknown substitution '{{{key}}}'", open),
            };
            // A substituted root namespace followed by '/' would give "//": ROS joins without doubling.
            if (value == "/" && close + 1 < text.Length && text[close + 1] == '/')
            {
                value = sb.Length == 0 ? "" : value;
            }
            sb.Append(value);
            i = close + 1;
        }
        return sb.ToString();
    }

    private static NameValidationResult ValidateFullNameShape(string name, string what)
    {
        if (name.Length == 0) return NameValidationResult.Invalid($"{what} must not be empty", 0);
        if (name[0] != '/') return NameValidationResult.Invalid($"{what} must be absolute, it must lead with a '/'", 0);
        if (name[^1] == '/') return NameValidationResult.Invalid($"{what} must not end with a '/'", name.Length - 1);
        for (var i = 0; i < name.Length; i++)
        {
            if (!IsAlnumOrUnderscore(name[i]) && name[i] != '/')
            {
                return NameValidationResult.Invalid($"{what} must not contain characters other than alphanumerics, '_', or '/'", i);
            }
        }
        for (var i = 0; i < name.Length - 1; i++)
        {
            if (name[i] != '/') continue;
            if (name[i + 1] == '/') return NameValidationResult.Invalid($"{what} must not contain repeated '/'", i + 1);
            if (char.IsAsciiDigit(name[i + 1])) return NameValidationResult.Invalid($"{what} must not have a token that starts with a number", i + 1);
        }
        return NameValidationResult.Valid;
    }

    private static bool IsAlnumOrUnderscore(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';
}
