using System.Globalization;
using CvM.Messages.DiagnosticMsgs;
using CvM.Messages.StdMsgs;
using CvM.Pipeline.Diagnostics;

namespace CvM.Node.Live;

/// <summary>
/// A diagnostics snapshot as a diagnostic_msgs/DiagnosticArray (one status named after the node): rates, counters,
/// drops by cause, the transport's counters per input stream (<c>transport.&lt;stream&gt;.*</c>), what the last frame
/// was run with (mode and source stamps), stage latencies and the process's memory (GC heap, committed, allocated,
/// resident set).
/// </summary>
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
            new("images_lost_in_transport", s.ImagesLostInTransport.ToString(CultureInfo.InvariantCulture)),
        };
        if (s.LastFrame is { } f)
        {
            values.Add(new KeyValue("last_frame_stamp_ns", I(f.StampNs)));
            values.Add(new KeyValue("last_frame_source1_stamp_ns", I(f.Source1StampNs)));
            values.Add(new KeyValue("last_frame_source2_stamp_ns", I(f.Source2StampNs)));
        }
        foreach (var (stream, t) in s.Transport)
        {
            var k = "transport." + StreamKey(stream) + ".";
            values.Add(new KeyValue(k + "taken", I(t.Taken)));
            values.Add(new KeyValue(k + "reader_queue_dropped", I(t.QueueDropped)));
            values.Add(new KeyValue(k + "oversize_rejected", I(t.OversizeRejected)));
            values.Add(new KeyValue(k + "sample_lost", I(t.SampleLost)));
            values.Add(new KeyValue(k + "sample_rejected", I(t.SampleRejected)));
        }
        foreach (var (cause, n) in s.Drops) values.Add(new KeyValue("drops." + cause, n.ToString(CultureInfo.InvariantCulture)));
        foreach (var (reason, n) in s.DuplicatedFrames) values.Add(new KeyValue("duplicated." + reason, n.ToString(CultureInfo.InvariantCulture)));
        foreach (var (lookup, n) in s.PoseFailures) values.Add(new KeyValue("no_pose." + lookup, n.ToString(CultureInfo.InvariantCulture)));
        foreach (var l in s.Latencies)
        {
            values.Add(new KeyValue($"latency_ms.{l.Stage}.p50", F(l.P50Ms)));
            values.Add(new KeyValue($"latency_ms.{l.Stage}.p90", F(l.P90Ms)));
            values.Add(new KeyValue($"latency_ms.{l.Stage}.p99", F(l.P99Ms)));
        }
        var gc = GC.GetGCMemoryInfo();
        values.Add(new KeyValue("memory.gc_heap_bytes", I(gc.HeapSizeBytes)));
        values.Add(new KeyValue("memory.gc_committed_bytes", I(gc.TotalCommittedBytes)));
        values.Add(new KeyValue("memory.gc_fragmented_bytes", I(gc.FragmentedBytes)));
        values.Add(new KeyValue("memory.gc_allocated_bytes_total", I(GC.GetTotalAllocatedBytes(false))));
        values.Add(new KeyValue("memory.gc_gen0_collections", I(GC.CollectionCount(0))));
        values.Add(new KeyValue("memory.gc_gen2_collections", I(GC.CollectionCount(2))));
        values.Add(new KeyValue("memory.resident_bytes", I(Environment.WorkingSet)));
        values.Add(new KeyValue("memory.malloc_trims", I(NativeHeapTrimmer.Trims)));
        values.Add(new KeyValue("memory.malloc_trim_last_us", I(NativeHeapTrimmer.LastTrimMicroseconds)));
        var level = s.TotalDrops > 0 || s.ImagesLostInTransport > 0 ? DiagnosticStatus.WARN : DiagnosticStatus.OK;
        var status = new DiagnosticStatus
        {
            Level = level,
            Name = nodeName,
            Message = level == DiagnosticStatus.OK ? "ok" : "frames dropped (see drops.* and transport.*)",
            HardwareId = s.ExecutionProvider,
            Values = values.ToArray(),
        };
        return new DiagnosticArray { Header = header, Status = [status] };
    }

    private static string StreamKey(InputStream s) => s switch
    {
        InputStream.Image => "image",
        InputStream.CameraInfo => "camera_info",
        InputStream.Odometry => "odometry",
        InputStream.Tf => "tf",
        _ => "tf_static",
    };

    private static string I(long v) => v.ToString(CultureInfo.InvariantCulture);

    private static string F(double v) => double.IsNaN(v) ? "nan" : v.ToString("F3", CultureInfo.InvariantCulture);
}
