using System.Globalization;
using CvM.Messages.Cdr;
using CvM.Messages.DiagnosticMsgs;
using CvM.Messages.SensorMsgs;
using CvM.Ros.Dds;

namespace CvM.LiveBench;

/// <summary>
/// Reads the node's depth output and /diagnostics. Latency of an output = its receive time minus the publish time
/// of the input with the same header stamp (stamps are <c>base + index * period</c>, so the index is exact).
/// Owns neither reader; it only drains them.
/// </summary>
internal sealed class OutputRecorder
{
    private readonly long _baseStampNs;
    private readonly long _periodNs;
    private readonly long[] _publishNs;
    private readonly object _gate = new();
    private readonly List<double> _latencyMs = [];
    private readonly List<double> _windowMs = [];
    private readonly List<long> _lagFrames = [];
    private long _lastStamp = long.MinValue;
    private Dictionary<string, string> _diagnostics = [];

    public OutputRecorder(long baseStampNs, long periodNs, int capacity)
    {
        _baseStampNs = baseStampNs;
        _periodNs = periodNs;
        _publishNs = new long[capacity];
    }

    public long Published;
    public long OutputsReceived;
    public long OutputsOutOfOrder;
    public long OutputsUnmatched;
    public long DiagnosticsReceived;
    public double PublishSeconds;

    public int Capacity => _publishNs.Length;

    public void MarkPublished(int index, long nowNs)
    {
        Volatile.Write(ref _publishNs[index], nowNs);
        Interlocked.Exchange(ref Published, index + 1);
    }

    public Task RunDepthAsync(DdsReader depth, CancellationToken token) => Task.Run(async () =>
    {
        try
        {
            await foreach (var s in depth.Samples.ReadAllAsync(token).ConfigureAwait(false))
            {
                using (s) OnDepth(s);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }, CancellationToken.None);

    public Task RunDiagnosticsAsync(DdsReader diagnostics, CancellationToken token) => Task.Run(async () =>
    {
        try
        {
            await foreach (var s in diagnostics.Samples.ReadAllAsync(token).ConfigureAwait(false))
            {
                using (s) OnDiagnostics(s);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }, CancellationToken.None);

    private void OnDepth(RawSample s)
    {
        var stamp = InputSequence.ToNs(Image.DecodeView(s.Span, out _).Header.Stamp);
        var offset = stamp - _baseStampNs;
        var index = offset / _periodNs;
        lock (_gate)
        {
            OutputsReceived++;
            if (stamp <= _lastStamp) OutputsOutOfOrder++;
            _lastStamp = Math.Max(_lastStamp, stamp);
            if (offset < 0 || offset % _periodNs != 0 || index >= _publishNs.Length || Volatile.Read(ref _publishNs[index]) == 0)
            {
                OutputsUnmatched++;
                return;
            }
            var ms = (s.ReceivedTimestampNs - _publishNs[index]) / 1e6;
            _latencyMs.Add(ms);
            _windowMs.Add(ms);
            _lagFrames.Add(Interlocked.Read(ref Published) - 1 - index);
        }
    }

    private void OnDiagnostics(RawSample s)
    {
        var array = CdrCodec.Deserialize<DiagnosticArray>(s.Span);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var st in array.Status)
            foreach (var kv in st.Values) values[kv.Key] = kv.Value;
        lock (_gate)
        {
            _diagnostics = values;
            DiagnosticsReceived++;
        }
    }

    /// <summary>The latest /diagnostics key/values (a copy).</summary>
    public Dictionary<string, string> Diagnostics()
    {
        lock (_gate) return new Dictionary<string, string>(_diagnostics, StringComparer.Ordinal);
    }

    public long DiagnosticLong(string key)
    {
        lock (_gate) return _diagnostics.TryGetValue(key, out var v) && long.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : -1;
    }

    /// <summary>Latencies since the previous call (for the per-second time series).</summary>
    public double[] TakeWindow()
    {
        lock (_gate)
        {
            var w = _windowMs.ToArray();
            _windowMs.Clear();
            return w;
        }
    }

    public double[] AllLatencies()
    {
        lock (_gate) return _latencyMs.ToArray();
    }

    public long[] AllLagFrames()
    {
        lock (_gate) return _lagFrames.ToArray();
    }
}
