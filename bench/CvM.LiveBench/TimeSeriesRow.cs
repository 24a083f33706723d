using System.Globalization;

namespace CvM.LiveBench;

/// <summary>One second of the run: counters, node-reported values and the node's VmRSS.</summary>
internal sealed record TimeSeriesRow(
    double TimeS, long Published, long OutputsReceived, long ImagesReceivedNode, long FramesOutputNode, long DropsTotalNode,
    double LatencyP50Ms, double LatencyMaxMs, int LatencySamples, long RssKiB, string InputRateNode, string OutputRateNode)
{
    public const string CsvHeader =
        "t_s,published,outputs_received,node_images_received,node_frames_output,node_drops_total,latency_p50_ms,latency_max_ms,latency_samples,rss_kib,node_input_rate_hz,node_output_rate_hz";

    public static TimeSeriesRow Sample(double timeS, OutputRecorder r, long rssKiB)
    {
        var window = r.TakeWindow();
        var d = r.Diagnostics();
        return new TimeSeriesRow(timeS, Interlocked.Read(ref r.Published), Interlocked.Read(ref r.OutputsReceived),
            r.DiagnosticLong("images_received"), r.DiagnosticLong("frames_output"), r.DiagnosticLong("drops_total"),
            Stats.Percentile(window, 50), Stats.Max(window), window.Length, rssKiB,
            d.GetValueOrDefault("input_rate_hz", ""), d.GetValueOrDefault("output_rate_hz", ""));
    }

    public string ToCsv() => string.Join(',',
        TimeS.ToString("F1", CultureInfo.InvariantCulture), I(Published), I(OutputsReceived), I(ImagesReceivedNode), I(FramesOutputNode),
        I(DropsTotalNode), LiveBenchRun.F(LatencyP50Ms), LiveBenchRun.F(LatencyMaxMs), I(LatencySamples), I(RssKiB), InputRateNode, OutputRateNode);

    public string ToLogLine() =>
        $"t={TimeS:F0}s published={Published} outputs={OutputsReceived} node: received={ImagesReceivedNode} output={FramesOutputNode} drops={DropsTotalNode} " +
        $"latency p50={LiveBenchRun.F(LatencyP50Ms)} ms rss={RssKiB / 1024.0:F1} MiB";

    private static string I(long v) => v.ToString(CultureInfo.InvariantCulture);
}
