namespace CvM.Ros.Graph;

/// <summary>A ROS node as the graph names it: absolute namespace ("/" or "/a/b") and base name.</summary>
public readonly record struct GraphNodeId(string Namespace, string Name)
{
    /// <summary>The fully qualified name, e.g. "/perception/cvm".</summary>
    public string FullyQualifiedName => Namespace == "/" ? "/" + Name : Namespace + "/" + Name;

    /// <inheritdoc />
    public override string ToString() => FullyQualifiedName;
}
