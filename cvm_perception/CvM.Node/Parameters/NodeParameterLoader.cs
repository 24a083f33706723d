using CvM.Ros.Parameters;

namespace CvM.Node.Parameters;

/// <summary>Builds <see cref="NodeParameters"/> from resolved ROS parameter values (params files and <c>-p</c>).</summary>
public static class NodeParameterLoader
{
    /// <summary>
    /// Applies every value of <paramref name="values"/> onto the defaults. An unknown name, a wrong type or a value out
    /// of range is a <see cref="NodeParameterException"/> naming the parameter. ROS's own parameter
    /// <c>use_sim_time</c> is accepted (and ignored: stamps always come from the input headers).
    /// </summary>
    public static NodeParameters Load(IReadOnlyDictionary<string, ParameterValue> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var p = new NodeParameters();
        foreach (var (name, value) in values.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            if (name == "use_sim_time") continue;
            var d = NodeParameterTable.Find(name)
                ?? throw new NodeParameterException(name, "unknown parameter (see `cvm_perception node --help` or config/cvm_perception.yaml)");
            p = d.Apply(p, value);
        }
        return p;
    }
}
