using CvM.Ros.Arguments;

namespace CvM.Ros.Tests.Arguments;

/// <summary>A canonical one-line text of a parsed <see cref="RosArguments"/>, for table-driven tests.</summary>
internal static class ArgumentsDump
{
    public static string Of(RosArguments a)
    {
        var parts = new List<string>();
        if (a.ProgramArguments.Count > 0) parts.Add("prog=" + string.Join(",", a.ProgramArguments));
        foreach (var r in a.RemapRules)
        {
            parts.Add($"remap={r.NodeName ?? "*"}:{r.Kind}:{r.Match ?? "-"}->{r.Replacement}");
        }
        foreach (var p in a.ParameterOverrides)
        {
            parts.Add($"param={p.NodeName ?? "*"}:{p.Name}={p.Value.Type}:{p.Value}");
        }
        foreach (var f in a.ParamsFiles) parts.Add($"file={f.Path}");
        if (a.DefaultLogLevel is { } level) parts.Add($"log={level}");
        foreach (var l in a.LoggerLevels) parts.Add($"logger={l.LoggerName}:{l.Level}");
        if (a.Enclave is not null) parts.Add($"enclave={a.Enclave}");
        if (a.LogConfigFile is not null) parts.Add($"logconfig={a.LogConfigFile}");
        if (a.LogFileName is not null) parts.Add($"logfile={a.LogFileName}");
        if (a.StdoutLogs is { } s) parts.Add($"stdout={s}");
        if (a.RosoutLogs is { } r2) parts.Add($"rosout={r2}");
        if (a.ExternalLibLogs is { } e) parts.Add($"extlib={e}");
        return string.Join(" | ", parts);
    }
}
