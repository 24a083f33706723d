namespace CvM.Ros.Arguments;

/// <summary>
/// One <c>-r</c>/<c>--remap</c> rule: <c>[node:][rostopic://|rosservice://]from:=to</c>,
/// <c>[node:]__node:=name</c> or <c>[node:]__ns:=/ns</c>. An immutable value.
/// </summary>
/// <param name="NodeName">The node the rule targets (<c>talker:</c> prefix), or null for every node.</param>
/// <param name="Kind">What the rule renames.</param>
/// <param name="Match">The name to match as written (relative, <c>~/</c> or absolute); null for node-name and namespace rules.</param>
/// <param name="Replacement">The new name, node name or absolute namespace as written.</param>
public sealed record RemapRule(string? NodeName, RemapKind Kind, string? Match, string Replacement)
{
    /// <summary>True when the rule applies to a node named <paramref name="nodeName"/>.</summary>
    public bool AppliesToNode(string nodeName) => NodeName is null || NodeName == nodeName;
}
