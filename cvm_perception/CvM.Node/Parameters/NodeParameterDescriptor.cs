using CvM.Ros.Parameters;

namespace CvM.Node.Parameters;

/// <summary>
/// One parameter: ROS name, type, range (as text), description, and how it is read from and written into a
/// <see cref="NodeParameters"/>. <see cref="Apply"/> checks type and range and throws
/// <see cref="NodeParameterException"/> naming the parameter. Immutable.
/// </summary>
public sealed record NodeParameterDescriptor(
    string Name,
    ParameterType Type,
    string Range,
    string Description,
    Func<NodeParameters, ParameterValue> Get,
    Func<NodeParameters, ParameterValue, NodeParameters> Apply)
{
    /// <summary>The default value (read from a default-constructed record).</summary>
    public ParameterValue Default => Get(new NodeParameters());
}
