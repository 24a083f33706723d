namespace CvM.Ros.Arguments;

/// <summary>
/// A parsed command line: the program's own arguments and everything given in <c>--ros-args</c> blocks
/// (remap rules, <c>-p</c> overrides, params files, log settings, enclave). Immutable.
/// </summary>
/// <remarks>
/// Grammar (rcl <c>rcl_parse_arguments</c>): any number of blocks <c>--ros-args ... [--]</c>; a block ends
/// at <c>--</c> or the end of argv; <c>--ros-args</c> inside a block is ignored; <c>--</c> outside a block
/// is a program argument. Inside a block only the flags rcl knows are accepted; anything else throws
/// <see cref="RosArgumentException"/>. Params files are only recorded here; <see cref="Parameters.ParameterResolver.Load"/>
/// reads them.
/// </remarks>
public sealed record RosArguments
{
    /// <summary>Arguments outside <c>--ros-args</c> blocks, in order, without the block delimiters.</summary>
    public IReadOnlyList<string> ProgramArguments { get; init; } = [];

    /// <summary><c>-r</c>/<c>--remap</c> rules in order (the first matching rule wins).</summary>
    public IReadOnlyList<RemapRule> RemapRules { get; init; } = [];

    /// <summary><c>-p</c>/<c>--param</c> overrides in order.</summary>
    public IReadOnlyList<ParameterOverride> ParameterOverrides { get; init; } = [];

    /// <summary><c>--params-file</c> paths in order.</summary>
    public IReadOnlyList<ParamsFileArgument> ParamsFiles { get; init; } = [];

    /// <summary>The default severity from <c>--log-level level</c> (the last one given), or null.</summary>
    public RosLogLevel? DefaultLogLevel { get; init; }

    /// <summary>Per-logger severities from <c>--log-level name:=level</c> (one per logger, the last given wins).</summary>
    public IReadOnlyList<LogLevelSetting> LoggerLevels { get; init; } = [];

    /// <summary>The security enclave from <c>-e</c>/<c>--enclave</c>, or null.</summary>
    public string? Enclave { get; init; }

    /// <summary>The external logging configuration file from <c>--log-config-file</c>, or null.</summary>
    public string? LogConfigFile { get; init; }

    /// <summary>The log file name prefix from <c>--log-file-name</c>, or null.</summary>
    public string? LogFileName { get; init; }

    /// <summary>True/false from <c>--enable-stdout-logs</c>/<c>--disable-stdout-logs</c>, null when not given.</summary>
    public bool? StdoutLogs { get; init; }

    /// <summary>True/false from <c>--enable-rosout-logs</c>/<c>--disable-rosout-logs</c>, null when not given.</summary>
    public bool? RosoutLogs { get; init; }

    /// <summary>True/false from <c>--enable-external-lib-logs</c>/<c>--disable-external-lib-logs</c>, null when not given.</summary>
    public bool? ExternalLibLogs { get; init; }

    /// <summary>The node name set by the first <c>__node:=</c> rule without a node prefix, or null.</summary>
    public string? NodeNameOverride => RemapRules.FirstOrDefault(r => r.Kind == RemapKind.NodeName && r.NodeName is null)?.Replacement;

    /// <summary>The namespace set by the first <c>__ns:=</c> rule without a node prefix, or null.</summary>
    public string? NamespaceOverride => RemapRules.FirstOrDefault(r => r.Kind == RemapKind.Namespace && r.NodeName is null)?.Replacement;

    /// <summary>Parses <paramref name="argv"/> (without the executable's own path, as <c>Main</c> receives it).</summary>
    /// <exception cref="RosArgumentException">A ROS argument is unknown, lacks its value, or is malformed.</exception>
    public static RosArguments Parse(IReadOnlyList<string> argv) => RosArgumentParser.Parse(argv);

    /// <summary>The node name after the first matching <c>__node:=</c> rule for a node created as <paramref name="originalNodeName"/>.</summary>
    public string RemapNodeName(string originalNodeName) =>
        RemapRules.FirstOrDefault(r => r.Kind == RemapKind.NodeName && r.AppliesToNode(originalNodeName))?.Replacement ?? originalNodeName;

    /// <summary>The namespace after the first matching <c>__ns:=</c> rule for a node created as <paramref name="originalNodeName"/>.</summary>
    public string RemapNamespace(string originalNodeName, string originalNamespace) =>
        RemapRules.FirstOrDefault(r => r.Kind == RemapKind.Namespace && r.AppliesToNode(originalNodeName))?.Replacement ?? originalNamespace;
}
