namespace CvM.Ros.Names;

/// <summary>
/// Thrown when a ROS name (node name, namespace, topic or service name) breaks the ROS 2 naming rules
/// (design article "Topic and Service name mapping to DDS", rmw/rcl validation). Carries the name and the
/// index of the first offending character.
/// </summary>
public sealed class RosNameException : Exception
{
    /// <summary>Creates the exception for <paramref name="name"/>.</summary>
    public RosNameException(string name, string reason, int invalidIndex)
        : base($"invalid ROS name '{name}': {reason}" + (invalidIndex >= 0 ? $" (at index {invalidIndex})" : ""))
    {
        Name = name;
        Reason = reason;
        InvalidIndex = invalidIndex;
    }

    /// <summary>The offending name.</summary>
    public string Name { get; }

    /// <summary>Why it is invalid.</summary>
    public string Reason { get; }

    /// <summary>Index of the first offending character, or -1.</summary>
    public int InvalidIndex { get; }
}
