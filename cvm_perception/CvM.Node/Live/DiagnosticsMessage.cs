using System.Globalization;
using CvM.Messages.DiagnosticMsgs;
using CvM.Messages.StdMsgs;
using CvM.Pipeline.Diagnostics;

namespace CvM.Node.Live;

/// <summary>A diagnostics snapshot as a diagnostic_msgs/DiagnosticArray (one status named after the node).</summary>
public static class DiagnosticsMessage
{
    /// <summary>Builds the message (allocates; about once a second).</summary>
    public static DiagnosticArray Create(DiagnosticsSnapshot s, string nodeName, Header header, string providerDetail)
    {
        ArgumentNullException.ThrowIfNull(s);
        var values = new List<KeyValue>
        {
            new("state", s.State.ToString()),
            new("execution_provider", s.ExecutionProvider),
            new("execution_provider_detail", providerDetail),
            new("input_rate_hz", F(s.InputRateHz)),
            new("output_rate_hz", F(s.OutputRateHz)),
            new("images_received", s.ImagesReceived.ToString(CultureInfo.InvariantCulture)),
            new("frames_output", s.FramesOutput.ToString(CultureInfo.InvariantCulture)),
            new("frames_multiview", s.MultiviewFrames.ToString(CultureInfo.InvariantCulture)),
            new("frames_duplicated", s.TotalDuplicated.ToString(CultureInfo.InvariantCulture)),
            new("last_frame_mode", s.LastMode?.ToString() ?? ""),
            new("last_frame_duplicate_reason", s.LastDuplicateReason.ToString()),
            new("keyframes", s.KeyframeCount.ToString(CultureInfo.InvariantCulture)),
            new("drops_total", s.TotalDrops.ToString(CultureInfo.InvariantCulture)),
        };
        foreach (var (cause, n) in s.Drops) values.Add(new KeyValue("drops." + cause, n.ToString(CultureInfo.InvariantCulture)));
        foreach (var (reason, n) in s.DuplicatedFrames) values.Add(new KeyValue("duplicated." + reason, n.ToString(CultureInfo.InvariantCulture)));
        foreach (var (lookup, n) in s.PoseFailures) values.Add(new KeyValue("no_pose." + lookup, n.ToString(CultureInfo.InvariantCulture)));
        foreach (var l in s.Latencies)
        {
            values.Add(new KeyValue($"latency_ms.{l.Stage}.p50", F(l.P50Ms)));
            values.Add(new KeyValue($"latency_ms.{l.Stage}.p90", F(l.P90Ms)));
            values.Add(new KeyValue($"latency_ms.{l.Stage}.p99", F(l.P99Ms)));
        }
        var level = s.TotalDrops > 0 ? DiagnosticStatus.WARN : DiagnosticStatus.OK;
        var status = new DiagnosticStatus
        {
            Level = level,
            Name = nodeName,
            Message = level == DiagnosticStatus.OK ? "ok" : "frames dropped (see drops.*)",
            HardwareId = s.ExecutionProvider,
            Values = values.ToArray(),
        };
        return new DiagnosticArray { Header = header, Status = [status] };
    }

    private static string F(double v) => double.IsNaN(v) ? "nan" : v.ToString("F3", CultureInfo.InvariantCulture);
}
