using System.Globalization;
using CvM.Keyframes.Poses;
using CvM.Keyframes.Selection;
using CvM.Messages.DiagnosticMsgs;
using CvM.Messages.StdMsgs;
using CvM.Pipeline;
using CvM.Pipeline.Diagnostics;

namespace CvM.Node.Live;

/// <summary>
/// Builds the node's <c>/diagnostics</c> message (one status named after the node) into one reused
/// <see cref="DiagnosticArray"/>: rates, counters, drops by cause, the transport's counters per input stream
/// (<c>transport.&lt;stream&gt;.*</c>), what the last frame was run with (mode and source stamps), stage latencies
/// and the process's memory (GC heap, committed, allocated, resident set). The keys are made once, each pair object is
/// kept from message to message, and a value is formatted again only when its number changed, so a message costs
/// little beyond the pipeline's snapshot (most counters do not change from one second to the next). The returned
/// message is valid until the next <see cref="Build"/>; publish it (serialise) before that. Not thread-safe: the caller
/// serialises each build with the use of its message (<see cref="LiveNode"/> does both under one lock).
/// </summary>
public sealed class DiagnosticsMessageBuilder
{
    private static readonly string[] TransportFields = ["taken", "reader_queue_dropped", "oversize_rejected", "sample_lost", "sample_rejected"];

    private readonly DiagnosticStatus _status = new();
    private readonly DiagnosticArray _array = new();
    private readonly List<KeyValue> _values = [];
    private readonly List<long> _lastBits = [];
    private readonly List<bool> _hasLast = [];
    private readonly Dictionary<InputStream, string[]> _transportKeys = [];
    private readonly Dictionary<DropCause, string> _dropKeys = [];
    private readonly Dictionary<DuplicateReason, string> _duplicatedKeys = [];
    private readonly Dictionary<PoseLookupStatus, string> _poseKeys = [];
    private readonly Dictionary<PipelineStage, string[]> _latencyKeys = [];
    private int _next;

    /// <summary>Creates a builder whose status carries <paramref name="nodeName"/>.</summary>
    public DiagnosticsMessageBuilder(string nodeName)
    {
        _status.Name = nodeName ?? throw new ArgumentNullException(nameof(nodeName));
        _array.Status = [_status];
    }

    /// <summary>The message for <paramref name="s"/>, stamped <paramref name="header"/> (the same object every call).</summary>
    public DiagnosticArray Build(DiagnosticsSnapshot s, Header header, string providerDetail)
    {
        ArgumentNullException.ThrowIfNull(s);
        _next = 0;
        Text("state", s.State.ToString());
        Text("execution_provider", s.ExecutionProvider);
        Text("execution_provider_detail", providerDetail);
        Real("input_rate_hz", s.InputRateHz);
        Real("output_rate_hz", s.OutputRateHz);
        Integer("images_received", s.ImagesReceived);
        Integer("frames_output", s.FramesOutput);
        Integer("frames_multiview", s.MultiviewFrames);
        Integer("frames_duplicated", s.TotalDuplicated);
        Text("last_frame_mode", s.LastMode?.ToString() ?? "");
        Text("last_frame_duplicate_reason", s.LastDuplicateReason.ToString());
        Integer("keyframes", s.KeyframeCount);
        Integer("drops_total", s.TotalDrops);
        Integer("images_lost_in_transport", s.ImagesLostInTransport);
        if (s.LastFrame is { } f)
        {
            Integer("last_frame_stamp_ns", f.StampNs);
            Integer("last_frame_source1_stamp_ns", f.Source1StampNs);
            Integer("last_frame_source2_stamp_ns", f.Source2StampNs);
        }
        foreach (var (stream, t) in s.Transport)
        {
            var k = Keys(_transportKeys, stream, st => Array.ConvertAll(TransportFields, field => $"transport.{StreamKey(st)}.{field}"));
            Integer(k[0], t.Taken);
            Integer(k[1], t.QueueDropped);
            Integer(k[2], t.OversizeRejected);
            Integer(k[3], t.SampleLost);
            Integer(k[4], t.SampleRejected);
        }
        foreach (var (cause, n) in s.Drops) Integer(Keys(_dropKeys, cause, c => "drops." + c), n);
        foreach (var (reason, n) in s.DuplicatedFrames) Integer(Keys(_duplicatedKeys, reason, r => "duplicated." + r), n);
        foreach (var (lookup, n) in s.PoseFailures) Integer(Keys(_poseKeys, lookup, l => "no_pose." + l), n);
        foreach (var l in s.Latencies)
        {
            var k = Keys(_latencyKeys, l.Stage, st => [$"latency_ms.{st}.p50", $"latency_ms.{st}.p90", $"latency_ms.{st}.p99"]);
            Real(k[0], l.P50Ms);
            Real(k[1], l.P90Ms);
            Real(k[2], l.P99Ms);
        }
        var gc = GC.GetGCMemoryInfo();
        Integer("memory.gc_heap_bytes", gc.HeapSizeBytes);
        Integer("memory.gc_committed_bytes", gc.TotalCommittedBytes);
        Integer("memory.gc_fragmented_bytes", gc.FragmentedBytes);
        Integer("memory.gc_allocated_bytes_total", GC.GetTotalAllocatedBytes(false));
        Integer("memory.gc_gen0_collections", GC.CollectionCount(0));
        Integer("memory.gc_gen2_collections", GC.CollectionCount(2));
        Integer("memory.resident_bytes", ResidentSet.Bytes());
        Integer("memory.malloc_trims", NativeHeapTrimmer.Trims);
        Integer("memory.malloc_trim_last_us", NativeHeapTrimmer.LastTrimMicroseconds);
        if (_next < _values.Count) Truncate(_next);
        var level = s.TotalDrops > 0 || s.ImagesLostInTransport > 0 ? DiagnosticStatus.WARN : DiagnosticStatus.OK;
        _status.Level = level;
        _status.Message = level == DiagnosticStatus.OK ? "ok" : "frames dropped (see drops.* and transport.*)";
        _status.HardwareId = s.ExecutionProvider;
        if (!SameValues()) _status.Values = _values.ToArray();
        _array.Header = header;
        return _array;
    }

    private static string[] Keys<TKey>(Dictionary<TKey, string[]> cache, TKey key, Func<TKey, string[]> make) where TKey : notnull
    {
        if (!cache.TryGetValue(key, out var keys)) cache[key] = keys = make(key);
        return keys;
    }

    private static string Keys<TKey>(Dictionary<TKey, string> cache, TKey key, Func<TKey, string> make) where TKey : notnull
    {
        if (!cache.TryGetValue(key, out var k)) cache[key] = k = make(key);
        return k;
    }

    /// <summary>True when the status's array holds exactly the current pairs (so it can be kept).</summary>
    private bool SameValues()
    {
        var current = _status.Values;
        if (current.Length != _values.Count) return false;
        for (int i = 0; i < current.Length; i++)
            if (!ReferenceEquals(current[i], _values[i])) return false;
        return true;
    }

    /// <summary>The pair at the next position, kept when it has this key; else the layout changed and is rebuilt from here.</summary>
    private int Slot(string key)
    {
        int i = _next++;
        if (i < _values.Count)
        {
            if (string.Equals(_values[i].Key, key, StringComparison.Ordinal)) return i;
            Truncate(i);
        }
        _values.Add(new KeyValue(key, string.Empty));
        _lastBits.Add(0);
        _hasLast.Add(false);
        return i;
    }

    private void Truncate(int from)
    {
        _values.RemoveRange(from, _values.Count - from);
        _lastBits.RemoveRange(from, _lastBits.Count - from);
        _hasLast.RemoveRange(from, _hasLast.Count - from);
    }

    private void Text(string key, string value)
    {
        int i = Slot(key);
        if (!string.Equals(_values[i].Value, value, StringComparison.Ordinal)) _values[i].Value = value;
        _hasLast[i] = false;
    }

    private void Integer(string key, long value)
    {
        int i = Slot(key);
        if (_hasLast[i] && _lastBits[i] == value) return;
        _values[i].Value = value.ToString(CultureInfo.InvariantCulture);
        _lastBits[i] = value;
        _hasLast[i] = true;
    }

    private void Real(string key, double value)
    {
        int i = Slot(key);
        var bits = BitConverter.DoubleToInt64Bits(value);
        if (_hasLast[i] && _lastBits[i] == bits) return;
        _values[i].Value = double.IsNaN(value) ? "nan" : value.ToString("F3", CultureInfo.InvariantCulture);
        _lastBits[i] = bits;
        _hasLast[i] = true;
    }

    private static string StreamKey(InputStream s) => s switch
    {
        InputStream.Image => "image",
        InputStream.CameraInfo => "camera_info",
        InputStream.Odometry => "odometry",
        InputStream.Tf => "tf",
        _ => "tf_static",
    };
}
