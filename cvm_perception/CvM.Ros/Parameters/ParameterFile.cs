namespace CvM.Ros.Parameters;

/// <summary>
/// A parsed ROS 2 YAML parameter file (<c>--params-file</c>): node sections in first-appearance order,
/// each with its typed parameters. Immutable after parsing.
/// </summary>
/// <example>
/// <code>
/// /**:
///   ros__parameters:
///     use_sim_time: false
/// /camera/cvm_perception:
///   ros__parameters:
///     model: { planes: 32, depth_range: [0.25, 10.0] }
/// </code>
/// gives sections <c>/**</c> (<c>use_sim_time</c>) and <c>/camera/cvm_perception</c>
/// (<c>model.planes</c> = 32, <c>model.depth_range</c> = [0.25, 10.0]).
/// </example>
public sealed class ParameterFile
{
    private ParameterFile(string source, IReadOnlyList<ParameterFileEntry> entries)
    {
        Source = source;
        Entries = entries;
    }

    /// <summary>The path or name the file was read from.</summary>
    public string Source { get; }

    /// <summary>The node sections, in order of first appearance.</summary>
    public IReadOnlyList<ParameterFileEntry> Entries { get; }

    /// <summary>Reads and parses the file at <paramref name="path"/>.</summary>
    /// <exception cref="ParameterFileException">The file is missing, unreadable or malformed (with line and column).</exception>
    public static ParameterFile Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new ParameterFileException(path, 0, 0, "cannot read parameter file: " + ex.Message, ex);
        }
        return Parse(text, path);
    }

    /// <summary>Parses parameter-file YAML held in memory; <paramref name="source"/> names it in errors.</summary>
    /// <exception cref="ParameterFileException">The YAML is malformed or breaks the parameter-file rules.</exception>
    public static ParameterFile Parse(string yaml, string source)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(source);
        var table = new ParameterTable();
        ParameterYamlReader.ReadFile(yaml, source, table);
        return new ParameterFile(source, table.ToEntries());
    }

    /// <summary>
    /// Types a single parameter value written in YAML (the right-hand side of <c>-p name:=value</c>):
    /// a scalar or a flow/block sequence of scalars of one type.
    /// </summary>
    /// <exception cref="ParameterFileException">The text is not a valid parameter value.</exception>
    public static ParameterValue ParseValue(string yamlValue, string source = "-p value")
    {
        ArgumentNullException.ThrowIfNull(yamlValue);
        return ParameterYamlReader.ReadValue(yamlValue, source);
    }
}
