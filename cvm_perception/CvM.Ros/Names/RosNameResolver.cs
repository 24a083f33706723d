using CvM.Ros.Arguments;

namespace CvM.Ros.Names;

/// <summary>
/// A node's identity after <c>__node</c>/<c>__ns</c> remapping and the resolver of its topic and service
/// names (expand, then apply the first matching remap rule), as rcl does: node-name and namespace rules
/// are selected by the node's original name, topic and service rules by its remapped name; a rule's match
/// and replacement are expanded for the remapped node before comparing and substituting. Immutable and
/// thread-safe.
/// </summary>
public sealed class RosNameResolver
{
    private readonly IReadOnlyList<RemapRule> _rules;

    private RosNameResolver(string originalNodeName, string nodeName, string nodeNamespace, IReadOnlyList<RemapRule> rules)
    {
        OriginalNodeName = originalNodeName;
        NodeName = nodeName;
        Namespace = nodeNamespace;
        _rules = rules;
    }

    /// <summary>The name the node was created with.</summary>
    public string OriginalNodeName { get; }

    /// <summary>The node name after remapping.</summary>
    public string NodeName { get; }

    /// <summary>The absolute namespace after remapping.</summary>
    public string Namespace { get; }

    /// <summary>The fully qualified node name, e.g. <c>/camera/cvm_perception</c>.</summary>
    public string FullyQualifiedName => RosNames.FullyQualifiedNodeName(Namespace, NodeName);

    /// <summary>
    /// Creates the resolver for a node named <paramref name="nodeName"/> in <paramref name="nodeNamespace"/>
    /// (empty means <c>/</c>; a relative namespace is made absolute) under <paramref name="rules"/>.
    /// </summary>
    /// <exception cref="RosNameException">The (remapped) node name or namespace is invalid.</exception>
    public static RosNameResolver Create(string nodeName, string nodeNamespace, IReadOnlyList<RemapRule> rules)
    {
        ArgumentNullException.ThrowIfNull(nodeName);
        ArgumentNullException.ThrowIfNull(nodeNamespace);
        ArgumentNullException.ThrowIfNull(rules);
        RosNames.ThrowIfInvalid(nodeName, RosNames.ValidateNodeName(nodeName));
        var ns = nodeNamespace.Length == 0 ? "/" : nodeNamespace[0] == '/' ? nodeNamespace : "/" + nodeNamespace;
        var remappedName = rules.FirstOrDefault(r => r.Kind == RemapKind.NodeName && r.AppliesToNode(nodeName))?.Replacement ?? nodeName;
        var remappedNs = rules.FirstOrDefault(r => r.Kind == RemapKind.Namespace && r.AppliesToNode(nodeName))?.Replacement ?? ns;
        RosNames.ThrowIfInvalid(remappedName, RosNames.ValidateNodeName(remappedName));
        RosNames.ThrowIfInvalid(remappedNs, RosNames.ValidateNamespace(remappedNs));
        return new RosNameResolver(nodeName, remappedName, remappedNs, rules.ToArray());
    }

    /// <summary>Creates the resolver with the remap rules of parsed arguments.</summary>
    public static RosNameResolver Create(string nodeName, string nodeNamespace, RosArguments arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        return Create(nodeName, nodeNamespace, arguments.RemapRules);
    }

    /// <summary>Expands a topic name for this node without remapping.</summary>
    /// <exception cref="RosNameException">The name is invalid.</exception>
    public string Expand(string name) => RosNames.ExpandTopicName(name, NodeName, Namespace);

    /// <summary>The fully qualified topic name after expansion and remapping.</summary>
    /// <exception cref="RosNameException">The name or the remapped result is invalid.</exception>
    public string ResolveTopicName(string name) => Resolve(name, RemapKind.Topic);

    /// <summary>The fully qualified service name after expansion and remapping.</summary>
    /// <exception cref="RosNameException">The name or the remapped result is invalid.</exception>
    public string ResolveServiceName(string name) => Resolve(name, RemapKind.Service);

    private string Resolve(string name, RemapKind kind)
    {
        var expanded = Expand(name);
        foreach (var rule in _rules)
        {
            if ((rule.Kind & kind) == 0 || rule.Match is null || !rule.AppliesToNode(NodeName)) continue;
            string match;
            try
            {
                match = Expand(rule.Match);
            }
            catch (RosNameException)
            {
                continue; // rcl skips a rule whose match cannot be expanded for this node
            }
            if (match == expanded) return Expand(rule.Replacement);
        }
        return expanded;
    }
}
