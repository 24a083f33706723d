using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CvM.LiveBench;

/// <summary>Writes timeseries.csv, summary.json and summary.md into the output folder.</summary>
internal static class ReportWriter
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    public static void Write(string dir, Summary s, IReadOnlyList<TimeSeriesRow> rows)
    {
        var csv = new StringBuilder(TimeSeriesRow.CsvHeader).Append('\n');
        foreach (var r in rows) csv.Append(r.ToCsv()).Append('\n');
        File.WriteAllText(Path.Combine(dir, "timeseries.csv"), csv.ToString());
        File.WriteAllText(Path.Combine(dir, "summary.json"), JsonSerializer.Serialize(s, Json) + "\n");
        File.WriteAllText(Path.Combine(dir, "summary.md"), Markdown(s));
    }

    private static string Markdown(Summary s)
    {
        static string F(double v) => LiveBenchRun.F(v);
        var d = s.NodeDiagnostics;
        var b = new StringBuilder();
        b.Append(CultureInfo.InvariantCulture, $"# Live benchmark: {s.Seconds:F0} s at {s.RateHz:F0} Hz, 640x480 rgb8 over loopback DDS\n\n");
        b.Append(CultureInfo.InvariantCulture, $"Verdict: **{s.Verdict}**\n\n");
        b.Append(CultureInfo.InvariantCulture, $"Execution provider: {d.GetValueOrDefault("execution_provider", "?")}\n\n");
        b.Append("| figure | value |\n|---|---|\n");
        b.Append(CultureInfo.InvariantCulture, $"| inputs published (rate) | {s.Published} ({F(s.InputRateHz)} Hz) |\n");
        b.Append(CultureInfo.InvariantCulture, $"| depth outputs received (rate) | {s.OutputsReceived} ({F(s.OutputRateHz)} Hz) |\n");
        b.Append(CultureInfo.InvariantCulture, $"| end-to-end latency p50 / p90 / p99 / max (ms) | {F(s.LatencyP50Ms)} / {F(s.LatencyP90Ms)} / {F(s.LatencyP99Ms)} / {F(s.LatencyMaxMs)} |\n");
        b.Append(CultureInfo.InvariantCulture, $"| latency p50, first tenth vs last tenth of outputs (ms) | {F(s.LatencyP50FirstTenthMs)} vs {F(s.LatencyP50LastTenthMs)} |\n");
        b.Append(CultureInfo.InvariantCulture, $"| frames behind the newest input when served, p50 / max | {F(s.LagFramesP50)} / {F(s.LagFramesMax)} |\n");
        b.Append(CultureInfo.InvariantCulture, $"| outputs out of order / unmatched | {s.OutputsOutOfOrder} / {s.OutputsUnmatched} |\n");
        b.Append(CultureInfo.InvariantCulture, $"| node: images received / frames output / drops | {s.NodeImagesReceived} / {s.NodeFramesOutput} / {s.NodeDropsTotal} |\n");
        b.Append(CultureInfo.InvariantCulture, $"| image reader: taken / queue dropped / Cyclone sample lost / sample rejected / oversize | {s.NodeImagesTaken} / {s.ReaderQueueDropped} / {s.DdsSampleLost} / {s.DdsSampleRejected} / {s.OversizeRejected} |\n");
        b.Append(CultureInfo.InvariantCulture, $"| lost in transport without a DDS count (published - taken - lost - rejected - oversize, counted at the publisher) | {s.TransportLossUncountedByDds} |\n");
        b.Append(CultureInfo.InvariantCulture, $"| unaccounted: taken - queue dropped - posted / posted - output - drops | {s.ReaderUnaccounted} / {s.PipelineUnaccounted} |\n");
        b.Append(CultureInfo.InvariantCulture, $"| published - received by the pipeline (all transport loss) | {s.TransportLoss} |\n");
        b.Append(CultureInfo.InvariantCulture, $"| VmRSS after warm-up / end / max (MiB) | {F(s.RssAfterWarmupMiB)} / {F(s.RssEndMiB)} / {F(s.RssMaxMiB)} |\n");
        b.Append(CultureInfo.InvariantCulture, $"| VmRSS growth after {s.WarmupSeconds:F0} s warm-up | {(s.RssChecked ? (s.RssGrowth * 100).ToString("F2", CultureInfo.InvariantCulture) + " %" : "not checked (run shorter than warm-up + 60 s)")} |\n");
        b.Append(CultureInfo.InvariantCulture, $"| GC committed after warm-up / end (MiB) | {F(s.GcCommittedAfterWarmupMiB)} / {F(s.GcCommittedEndMiB)} |\n");
        b.Append(CultureInfo.InvariantCulture, $"| VmRSS - GC committed (native: ONNX Runtime, Cyclone, OpenCV, runtime) after warm-up / end (MiB) | {F(s.NativeAfterWarmupMiB)} / {F(s.NativeEndMiB)} |\n");
        b.Append(CultureInfo.InvariantCulture, $"| managed bytes allocated per published input after warm-up (whole process) / gen2 GCs | {s.AllocatedBytesPerInputAfterWarmup:F0} / {s.Gen2Collections} |\n");
        b.Append(CultureInfo.InvariantCulture, $"| crashed / clean SIGTERM exit | {s.Crashed} / {s.CleanExit} |\n\n");
        b.Append("Drops by cause (node /diagnostics, final):\n\n");
        foreach (var (k, v) in d.Where(kv => kv.Key.StartsWith("drops.", StringComparison.Ordinal) || kv.Key.StartsWith("duplicated.", StringComparison.Ordinal) || kv.Key.StartsWith("transport.", StringComparison.Ordinal)).OrderBy(kv => kv.Key, StringComparer.Ordinal))
            b.Append(CultureInfo.InvariantCulture, $"- `{k}` = {v}\n");
        b.Append("\nNode stage latencies (node /diagnostics, final, ms):\n\n");
        foreach (var (k, v) in d.Where(kv => kv.Key.StartsWith("latency_ms.", StringComparison.Ordinal)).OrderBy(kv => kv.Key, StringComparer.Ordinal))
            b.Append(CultureInfo.InvariantCulture, $"- `{k}` = {v}\n");
        return b.ToString();
    }
}
