using CvM.Node.Parameters;
using CvM.Ros.Arguments;
using CvM.Ros.Names;
using CvM.Ros.Parameters;

namespace CvM.Node.Cli;

/// <summary>The node's identity and parameters from the command line (<c>--ros-args</c>: remaps, params files, <c>-p</c>).</summary>
/// <param name="Arguments">the parsed command line.</param>
/// <param name="Names">node name, namespace and topic resolution after remapping.</param>
/// <param name="Parameters">the validated parameters.</param>
public sealed record NodeSetup(RosArguments Arguments, RosNameResolver Names, NodeParameters Parameters)
{
    /// <summary>The node's name before remapping.</summary>
    public const string DefaultNodeName = "cvm_perception";

    /// <summary>Resolves names and loads parameters for the node.</summary>
    /// <exception cref="RosArgumentException">Bad ROS arguments.</exception>
    /// <exception cref="ParameterFileException">A params file is missing or malformed.</exception>
    /// <exception cref="NodeParameterException">An unknown parameter or a value out of range.</exception>
    public static NodeSetup From(RosArguments arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var names = RosNameResolver.Create(DefaultNodeName, "/", arguments);
        var values = ParameterResolver.Load(arguments).Resolve(names.FullyQualifiedName);
        return new NodeSetup(arguments, names, NodeParameterLoader.Load(values));
    }
}
