using System.Globalization;

namespace CvM.LiveBench;

/// <summary>
/// One second of the run: counters, node-reported values (pipeline counters, the image reader's transport counters,
/// the node's GC heap and allocation total) and the node's VmRSS.
/// </summary>
internal sealed record TimeSeriesRow(
    double TimeS, long Published, long OutputsReceived, long ImagesReceivedNode, long FramesOutputNode, long DropsTotalNode,
    double LatencyP50Ms, double LatencyMaxMs, int LatencySamples, long RssKiB, string InputRateNode, string OutputRateNode,
    long ImagesTakenNode, long ImagesLostInTransportNode, long GcHeapBytes, long GcCommittedBytes, long GcAllocatedBytes, long Gen2Collections, long Gen0Collections)
{
    public const string CsvHeader =
        "t_s,published,outputs_received,node_images_received,node_frames_output,node_drops_total,latency_p50_ms,latency_max_ms,latency_samples,rss_kib,node_input_rate_hz,node_output_rate_hz," +
        "node_images_taken,node_images_lost_in_transport,gc_heap_bytes,gc_committed_bytes,gc_allocated_bytes_total,gc_gen2_collections,gc_gen0_collections";

    public static TimeSeriesRow Sample(double timeS, OutputRecorder r, long rssKiB)
    {
        var window = r.TakeWindow();
        var d = r.Diagnostics();
        return new TimeSeriesRow(timeS, Interlocked.Read(ref r.Published), Interlocked.Read(ref r.OutputsReceived),
            r.DiagnosticLong("images_received"), r.DiagnosticLong("frames_output"), r.DiagnosticLong("drops_total"),
            Stats.Percentile(window, 50), Stats.Max(window), window.Length, rssKiB,
            d.GetValueOrDefault("input_rate_hz", ""), d.GetValueOrDefault("output_rate_hz", ""),
            r.DiagnosticLong("transport.image.taken"), r.DiagnosticLong("images_lost_in_transport"),
            r.DiagnosticLong("memory.gc_heap_bytes"), r.DiagnosticLong("memory.gc_committed_bytes"),
            r.DiagnosticLong("memory.gc_allocated_bytes_total"), r.DiagnosticLong("memory.gc_gen2_collections"), r.DiagnosticLong("memory.gc_gen0_collections"));
    }

    public string ToCsv() => string.Join(',',
        TimeS.ToString("F1", CultureInfo.InvariantCulture), I(Published), I(OutputsReceived), I(ImagesReceivedNode), I(FramesOutputNode),
        I(DropsTotalNode), LiveBenchRun.F(LatencyP50Ms), LiveBenchRun.F(LatencyMaxMs), I(LatencySamples), I(RssKiB), InputRateNode, OutputRateNode,
        I(ImagesTakenNode), I(ImagesLostInTransportNode), I(GcHeapBytes), I(GcCommittedBytes), I(GcAllocatedBytes), I(Gen2Collections), I(Gen0Collections));

    public string ToLogLine() =>
        $"t={TimeS:F0}s published={Published} outputs={OutputsReceived} node: taken={ImagesTakenNode} received={ImagesReceivedNode} output={FramesOutputNode} drops={DropsTotalNode} " +
        $"latency p50={LiveBenchRun.F(LatencyP50Ms)} ms rss={RssKiB / 1024.0:F1} MiB gc heap={GcHeapBytes / 1048576.0:F1} committed={GcCommittedBytes / 1048576.0:F1} MiB gen0={Gen0Collections} gen2={Gen2Collections}";

    private static string I(long v) => v.ToString(CultureInfo.InvariantCulture);
}
