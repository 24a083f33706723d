using CvM.Keyframes.Poses;
using CvM.Keyframes.Selection;

namespace CvM.Pipeline.Diagnostics;

/// <summary>
/// A consistent-enough view of the pipeline's counters at one instant (each counter read atomically). Rates are
/// over the interval since the previous snapshot. Created about once a second for <c>/diagnostics</c> and reports;
/// the snapshot owns its collections.
/// </summary>
/// <param name="State">lifecycle state.</param>
/// <param name="Mode">channel mode.</param>
/// <param name="ExecutionProvider">the ONNX Runtime execution provider actually used ("CUDA", "CPU"), or "" before configure.</param>
/// <param name="ImagesReceived">images posted to the pipeline.</param>
/// <param name="FramesOutput">results handed to the sink.</param>
/// <param name="MultiviewFrames">frames run with source keyframes.</param>
/// <param name="DuplicatedFrames">frames run duplicated, by reason.</param>
/// <param name="Drops">drops by cause (all causes, zeros included).</param>
/// <param name="InputRateHz">images per second over the interval.</param>
/// <param name="OutputRateHz">results per second over the interval.</param>
/// <param name="Latencies">per-stage latency summaries.</param>
/// <param name="PoseFailures">frames that went on without a pose, by lookup status.</param>
/// <param name="LastMode">the mode of the most recent frame.</param>
/// <param name="LastDuplicateReason">why the most recent frame was duplicated (None when multi-view).</param>
/// <param name="KeyframeCount">keyframes in the ring buffer.</param>
/// <param name="LastFrame">what the most recent frame was run with (null before the first).</param>
/// <param name="Transport">the transport's counters per input stream the node registered (empty without a transport).</param>
public sealed record DiagnosticsSnapshot(
    PipelineState State,
    PipelineMode Mode,
    string ExecutionProvider,
    long ImagesReceived,
    long FramesOutput,
    long MultiviewFrames,
    IReadOnlyDictionary<DuplicateReason, long> DuplicatedFrames,
    IReadOnlyDictionary<DropCause, long> Drops,
    double InputRateHz,
    double OutputRateHz,
    IReadOnlyList<StageLatency> Latencies,
    IReadOnlyDictionary<PoseLookupStatus, long> PoseFailures,
    ViewSelectionMode? LastMode,
    DuplicateReason LastDuplicateReason,
    int KeyframeCount,
    FrameViews? LastFrame,
    IReadOnlyDictionary<InputStream, TransportCounts> Transport)
{
    /// <summary>Images counted lost before they reached the pipeline (reader queue, oversize, middleware lost and rejected).</summary>
    public long ImagesLostInTransport => Transport.TryGetValue(InputStream.Image, out var t) ? t.Lost : 0;

    /// <summary>Sum of all drops.</summary>
    public long TotalDrops => Drops.Values.Sum();

    /// <summary>Sum of duplicated frames over all reasons.</summary>
    public long TotalDuplicated => DuplicatedFrames.Values.Sum();

    /// <summary>The latency summary of <paramref name="stage"/>.</summary>
    public StageLatency Latency(PipelineStage stage) => Latencies.First(l => l.Stage == stage);
}
