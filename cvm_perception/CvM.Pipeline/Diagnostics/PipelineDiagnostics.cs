using System.Diagnostics;
using CvM.Keyframes.Poses;
using CvM.Keyframes.Selection;

namespace CvM.Pipeline.Diagnostics;

/// <summary>
/// The diagnostics aggregator: per-stage latency histograms, drops by cause, inference modes by reason, input and
/// output counts, the execution provider. Every recording method is lock-free and allocation-free (safe on the hot
/// path and from transport callbacks); <see cref="Snapshot"/> allocates its result. Owned by the pipeline; thread-safe.
/// </summary>
public sealed class PipelineDiagnostics
{
    private static readonly PipelineStage[] Stages = Enum.GetValues<PipelineStage>();
    private static readonly DropCause[] Causes = Enum.GetValues<DropCause>();
    private static readonly DuplicateReason[] Reasons = Enum.GetValues<DuplicateReason>();

    private readonly LatencyHistogram[] _latency = Stages.Select(_ => new LatencyHistogram()).ToArray();
    private readonly long[] _drops = new long[Causes.Length];
    private static readonly PoseLookupStatus[] PoseStatuses = Enum.GetValues<PoseLookupStatus>();
    private readonly long[] _duplicated = new long[Reasons.Length];
    private readonly long[] _poseFailures = new long[PoseStatuses.Length];
    private static readonly InputStream[] Streams = Enum.GetValues<InputStream>();
    private readonly Func<TransportCounts>?[] _transport = new Func<TransportCounts>?[Streams.Length];
    private readonly Lock _snapshotGate = new();
    private readonly Lock _frameGate = new();
    private FrameViews _lastFrame;
    private bool _hasLastFrame;
    private long _imagesReceived, _framesOutput, _multiview;
    private int _lastMode = -1, _lastReason;
    private long _lastSnapshotTicks = Stopwatch.GetTimestamp(), _lastImages, _lastOutputs;

    /// <summary>The execution provider in use ("" until the engine is configured).</summary>
    public string ExecutionProvider { get; set; } = string.Empty;

    /// <summary>Keyframes currently buffered (set by the selection stage).</summary>
    public int KeyframeCount { get; set; }

    /// <summary>Images posted so far.</summary>
    public long ImagesReceived => Interlocked.Read(ref _imagesReceived);

    /// <summary>Results handed to the sink so far.</summary>
    public long FramesOutput => Interlocked.Read(ref _framesOutput);

    /// <summary>The latency histogram of <paramref name="stage"/>.</summary>
    public LatencyHistogram Latency(PipelineStage stage) => _latency[(int)stage];

    /// <summary>Drops so far for <paramref name="cause"/>.</summary>
    public long Drops(DropCause cause) => Interlocked.Read(ref _drops[(int)cause]);

    /// <summary>
    /// Drops so far over all causes (allocation-free; unlike <see cref="Snapshot"/> it leaves the rate interval alone,
    /// so a caller may read it every frame).
    /// </summary>
    public long TotalDrops
    {
        get
        {
            long sum = 0;
            for (var i = 0; i < _drops.Length; i++) sum += Interlocked.Read(ref _drops[i]);
            return sum;
        }
    }

    /// <summary>Frames run duplicated so far for <paramref name="reason"/>.</summary>
    public long Duplicated(DuplicateReason reason) => Interlocked.Read(ref _duplicated[(int)reason]);

    /// <summary>Frames run with source keyframes (multi-view or one view twice) so far.</summary>
    public long Multiview => Interlocked.Read(ref _multiview);

    /// <summary>Counts one received image.</summary>
    public void CountImage() => Interlocked.Increment(ref _imagesReceived);

    /// <summary>Counts one drop.</summary>
    public void CountDrop(DropCause cause) => Interlocked.Increment(ref _drops[(int)cause]);

    /// <summary>Counts one output.</summary>
    public void CountOutput() => Interlocked.Increment(ref _framesOutput);

    /// <summary>Frames that went on without a pose so far, for <paramref name="status"/>.</summary>
    public long PoseFailures(PoseLookupStatus status) => Interlocked.Read(ref _poseFailures[(int)status]);

    /// <summary>Counts a frame that went on without a pose.</summary>
    public void CountPoseFailure(PoseLookupStatus status) => Interlocked.Increment(ref _poseFailures[(int)status]);

    /// <summary>Counts the mode a frame ran in.</summary>
    public void CountMode(ViewSelectionMode mode, DuplicateReason reason)
    {
        if (mode != ViewSelectionMode.Duplicate) Interlocked.Increment(ref _multiview);
        else Interlocked.Increment(ref _duplicated[(int)reason]);
        Volatile.Write(ref _lastReason, (int)reason);
        Volatile.Write(ref _lastMode, (int)mode);
    }

    /// <summary>
    /// Registers where the transport's counters of <paramref name="stream"/> are read from (called by every
    /// <see cref="Snapshot"/>; must be thread-safe and must not throw). Null unregisters.
    /// </summary>
    public void RegisterTransport(InputStream stream, Func<TransportCounts>? read)
    {
        lock (_snapshotGate) _transport[(int)stream] = read;
    }

    /// <summary>Records what the frame just run was fed with (allocation-free; once per frame).</summary>
    public void RecordFrame(in FrameViews views)
    {
        lock (_frameGate)
        {
            _lastFrame = views;
            _hasLastFrame = true;
        }
    }

    /// <summary>What the most recent frame was run with, or null before the first.</summary>
    public FrameViews? LastFrame
    {
        get
        {
            lock (_frameGate) return _hasLastFrame ? _lastFrame : null;
        }
    }

    /// <summary>Reads every counter; rates are over the time since the previous call.</summary>
    public DiagnosticsSnapshot Snapshot(PipelineState state, PipelineMode mode)
    {
        lock (_snapshotGate)
        {
            var now = Stopwatch.GetTimestamp();
            var images = ImagesReceived;
            var outputs = FramesOutput;
            var dt = (now - _lastSnapshotTicks) / (double)Stopwatch.Frequency;
            var inRate = dt > 0 ? (images - _lastImages) / dt : 0;
            var outRate = dt > 0 ? (outputs - _lastOutputs) / dt : 0;
            _lastSnapshotTicks = now;
            _lastImages = images;
            _lastOutputs = outputs;
            var lastMode = Volatile.Read(ref _lastMode);
            return new DiagnosticsSnapshot(
                state, mode, ExecutionProvider, images, outputs, Multiview,
                Reasons.Where(r => r != DuplicateReason.None).ToDictionary(r => r, Duplicated),
                Causes.ToDictionary(c => c, Drops),
                inRate, outRate,
                Stages.Select(s =>
                {
                    var h = _latency[(int)s];
                    return new StageLatency(s, h.Count, h.MeanMs, h.PercentileMs(50), h.PercentileMs(90), h.PercentileMs(99), h.MaxMs);
                }).ToArray(),
                PoseStatuses.Where(r => r != PoseLookupStatus.Ok).ToDictionary(r => r, PoseFailures),
                lastMode < 0 ? null : (ViewSelectionMode)lastMode,
                (DuplicateReason)Volatile.Read(ref _lastReason),
                KeyframeCount,
                LastFrame,
                Streams.Where(t => _transport[(int)t] is not null).ToDictionary(t => t, t => _transport[(int)t]!()));
        }
    }
}
