namespace CvM.Ros.Arguments;

/// <summary>What a remap rule renames (rcl's remap types).</summary>
[Flags]
public enum RemapKind
{
    /// <summary>Topic names (<c>rostopic://</c> prefix, or no prefix).</summary>
    Topic = 1,

    /// <summary>Service names (<c>rosservice://</c> prefix, or no prefix).</summary>
    Service = 2,

    /// <summary>Topic and service names (a rule without a URL prefix).</summary>
    TopicOrService = Topic | Service,

    /// <summary>The node's name (<c>__node:=new_name</c>, also <c>__name:=</c>).</summary>
    NodeName = 4,

    /// <summary>The node's namespace (<c>__ns:=/new/ns</c>).</summary>
    Namespace = 8,
}
