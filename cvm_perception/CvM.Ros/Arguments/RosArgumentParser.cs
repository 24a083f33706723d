using CvM.Ros.Names;
using CvM.Ros.Parameters;

namespace CvM.Ros.Arguments;

/// <summary>The <c>--ros-args</c> parser behind <see cref="RosArguments.Parse"/> (rcl's rules, see there).</summary>
internal static class RosArgumentParser
{
    private const string Separator = ":=";

    public static RosArguments Parse(IReadOnlyList<string> argv)
    {
        ArgumentNullException.ThrowIfNull(argv);
        var program = new List<string>();
        var remaps = new List<RemapRule>();
        var overrides = new List<ParameterOverride>();
        var files = new List<ParamsFileArgument>();
        var loggers = new List<LogLevelSetting>();
        RosLogLevel? defaultLevel = null;
        string? enclave = null, logConfig = null, logFileName = null;
        bool? stdout = null, rosout = null, extLib = null;

        var inRos = false;
        for (var i = 0; i < argv.Count; i++)
        {
            var arg = argv[i] ?? throw new RosArgumentException("(null)", i, "argument is null");
            if (!inRos)
            {
                if (arg == "--ros-args") inRos = true;
                else program.Add(arg);
                continue;
            }
            switch (arg)
            {
                case "--ros-args":
                    break;
                case "--":
                    inRos = false;
                    break;
                case "-r" or "--remap":
                    remaps.Add(ParseRemap(Value(argv, ref i, arg, "a remap rule"), i));
                    break;
                case "-p" or "--param":
                    overrides.Add(ParseParam(Value(argv, ref i, arg, "a parameter rule"), i));
                    break;
                case "--params-file":
                    var path = Value(argv, ref i, arg, "a file path");
                    if (path.Length == 0) throw new RosArgumentException(path, i, "empty params file path");
                    files.Add(new ParamsFileArgument(path, i));
                    break;
                case "--log-level":
                    ParseLogLevel(Value(argv, ref i, arg, "a log level"), i, loggers, ref defaultLevel);
                    break;
                case "--log-config-file":
                    logConfig = Value(argv, ref i, arg, "a file path");
                    break;
                case "--log-file-name":
                    logFileName = Value(argv, ref i, arg, "a file name prefix");
                    break;
                case "-e" or "--enclave":
                    enclave = Value(argv, ref i, arg, "an enclave name");
                    var ev = RosNames.ValidateNamespace(enclave);
                    if (!ev.IsValid) throw new RosArgumentException(enclave, i, "invalid enclave name: " + ev.Message);
                    break;
                case "--enable-stdout-logs": stdout = true; break;
                case "--disable-stdout-logs": stdout = false; break;
                case "--enable-rosout-logs": rosout = true; break;
                case "--disable-rosout-logs": rosout = false; break;
                case "--enable-external-lib-logs": extLib = true; break;
                case "--disable-external-lib-logs": extLib = false; break;
                default:
                    throw new RosArgumentException(arg, i, "unknown ROS argument inside --ros-args (end the ROS block with '--' before program arguments)");
            }
        }

        return new RosArguments
        {
            ProgramArguments = program,
            RemapRules = remaps,
            ParameterOverrides = overrides,
            ParamsFiles = files,
            DefaultLogLevel = defaultLevel,
            LoggerLevels = loggers,
            Enclave = enclave,
            LogConfigFile = logConfig,
            LogFileName = logFileName,
            StdoutLogs = stdout,
            RosoutLogs = rosout,
            ExternalLibLogs = extLib,
        };
    }

    private static string Value(IReadOnlyList<string> argv, ref int i, string flag, string what)
    {
        if (i + 1 >= argv.Count) throw new RosArgumentException(flag, i, $"trailing {flag} flag: {what} must follow it");
        i++;
        return argv[i] ?? throw new RosArgumentException("(null)", i, "argument is null");
    }

    /// <summary>Parses <c>[node:](__node:=name | __name:=name | __ns:=/ns | [rostopic://|rosservice://]from:=to)</c>.</summary>
    internal static RemapRule ParseRemap(string rule, int position)
    {
        var sep = rule.IndexOf(Separator, StringComparison.Ordinal);
        if (sep < 0) throw Bad(rule, position, "a remap rule needs 'from:=to'");
        var start = 0;
        string? node = null;
        var prefixLength = NodePrefixLength(rule);
        if (prefixLength > 0)
        {
            node = rule[..(prefixLength - 1)];
            start = prefixLength;
        }
        var lhs = rule[start..sep];
        var rhs = rule[(sep + Separator.Length)..];
        if (rhs.Length == 0) throw Bad(rule, position, "empty replacement after ':='");

        if (lhs is "__node" or "__name")
        {
            var v = RosNames.ValidateNodeName(rhs);
            if (!RuleLexer.IsToken(rhs) || !v.IsValid) throw Bad(rule, position, $"node name not remapped to invalid name '{rhs}'" + (v.IsValid ? "" : ": " + v.Message));
            return new RemapRule(node, RemapKind.NodeName, null, rhs);
        }
        if (lhs == "__ns")
        {
            var v = RosNames.ValidateNamespace(rhs);
            if (!v.IsValid) throw Bad(rule, position, $"namespace not remapped to a fully qualified namespace '{rhs}': {v.Message}");
            return new RemapRule(node, RemapKind.Namespace, null, rhs);
        }

        var kind = RemapKind.TopicOrService;
        if (lhs.StartsWith("rostopic://", StringComparison.Ordinal))
        {
            kind = RemapKind.Topic;
            lhs = lhs["rostopic://".Length..];
        }
        else if (lhs.StartsWith("rosservice://", StringComparison.Ordinal))
        {
            kind = RemapKind.Service;
            lhs = lhs["rosservice://".Length..];
        }
        var matchError = CheckName(lhs);
        if (matchError is not null) throw Bad(rule, position, $"invalid match side '{lhs}': {matchError}");
        var replacementError = CheckName(rhs);
        if (replacementError is not null) throw Bad(rule, position, $"invalid replacement side '{rhs}': {replacementError}");
        return new RemapRule(node, kind, lhs, rhs);
    }

    /// <summary>Parses <c>[node:]name(.name)*:=yaml_value</c>.</summary>
    internal static ParameterOverride ParseParam(string rule, int position)
    {
        var sep = rule.IndexOf(Separator, StringComparison.Ordinal);
        if (sep < 0) throw Bad(rule, position, "a parameter rule needs 'name:=value'");
        var start = 0;
        string? node = null;
        var prefixLength = NodePrefixLength(rule);
        if (prefixLength > 0)
        {
            node = rule[..(prefixLength - 1)];
            start = prefixLength;
        }
        var name = rule[start..sep];
        var nameError = name.Length == 0 ? "empty parameter name" : RuleLexer.ReadSeparatedTokens(name, 0, name.Length, '.');
        if (nameError is not null) throw Bad(rule, position, $"invalid parameter name '{name}': {nameError}");
        var text = rule[(sep + Separator.Length)..];
        try
        {
            return new ParameterOverride(node, name, ParameterFile.ParseValue(text, $"-p {rule}"), position);
        }
        catch (ParameterFileException ex)
        {
            throw new RosArgumentException(rule, position, $"invalid value '{text}' for parameter '{name}': {ex.Reason}", ex);
        }
    }

    private static void ParseLogLevel(string text, int position, List<LogLevelSetting> loggers, ref RosLogLevel? defaultLevel)
    {
        var sep = text.IndexOf(Separator, StringComparison.Ordinal);
        if (sep < 0)
        {
            defaultLevel = Severity(text) ?? throw Bad(text, position, "not a severity (unset, debug, info, warn, error, fatal)");
            return;
        }
        var logger = text[..sep];
        if (logger.Length == 0) throw Bad(text, position, "empty logger name before ':='");
        foreach (var c in logger)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('_' or '.' or '/')) throw Bad(text, position, $"logger name '{logger}' holds '{c}'");
        }
        var level = Severity(text[(sep + Separator.Length)..]) ?? throw Bad(text, position, "not a severity (unset, debug, info, warn, error, fatal)");
        var existing = loggers.FindIndex(l => l.LoggerName == logger);
        if (existing >= 0) loggers[existing] = new LogLevelSetting(logger, level);
        else loggers.Add(new LogLevelSetting(logger, level));
    }

    private static RosLogLevel? Severity(string text) => text.ToUpperInvariant() switch
    {
        "UNSET" => RosLogLevel.Unset,
        "DEBUG" => RosLogLevel.Debug,
        "INFO" => RosLogLevel.Info,
        "WARN" => RosLogLevel.Warn,
        "ERROR" => RosLogLevel.Error,
        "FATAL" => RosLogLevel.Fatal,
        _ => null,
    };

    // "node:" prefix (a token followed by ':' that is not ':='), as rcl's peek2(TOKEN, COLON).
    private static int NodePrefixLength(string rule)
    {
        var n = RuleLexer.TokenLength(rule, 0);
        if (n == 0 || n >= rule.Length || rule[n] != ':') return 0;
        if (n + 1 < rule.Length && rule[n + 1] == '=') return 0;
        if (rule.AsSpan(n).StartsWith("://")) return 0;
        return n + 1;
    }

    // ['~/' | '/'] token ('/' token)*
    private static string? CheckName(string name)
    {
        var i = name.StartsWith("~/", StringComparison.Ordinal) ? 2 : name.StartsWith('/') ? 1 : 0;
        if (name.Length == i) return "empty name";
        return RuleLexer.ReadSeparatedTokens(name, i, name.Length, '/');
    }

    private static RosArgumentException Bad(string token, int position, string reason) => new(token, position, reason);
}
