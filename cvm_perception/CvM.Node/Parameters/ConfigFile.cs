using System.Text;

namespace CvM.Node.Parameters;

/// <summary>Renders the ROS 2 params file listing every parameter with its default and a comment (config/cvm_perception.yaml).</summary>
public static class ConfigFile
{
    /// <summary>
    /// The params file text keyed <paramref name="nodeName"/> (ROS 2 YAML, <c>ros__parameters</c>). The default key
    /// <c>/**</c> matches the node under any name and namespace a launch file gives it, as package-shipped files do.
    /// </summary>
    public static string Render(string nodeName = "/**")
    {
        var sb = new StringBuilder();
        sb.Append("# Parameters of the cvm_perception node, every one with its default (generated from NodeParameterTable;\n");
        sb.Append("# a test keeps this file equal to the table). Use: --ros-args --params-file config/cvm_perception.yaml\n");
        sb.Append("# An unknown parameter or a value outside its range stops the node at start-up.\n");
        sb.Append("# Keyed /** so it applies whatever node name and namespace the launch file gives the node.\n");
        sb.Append(nodeName).Append(":\n  ros__parameters:\n");
        foreach (var d in NodeParameterTable.All)
        {
            sb.Append(FormattableString.Invariant($"    # {d.Description} ({d.Type}, {d.Range})\n"));
            sb.Append(FormattableString.Invariant($"    {d.Name}: {d.Default}\n"));
        }
        return sb.ToString();
    }
}
