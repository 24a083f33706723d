using CvM.Evaluation.Driver;
using CvM.Pipeline;
using CvM.Pipeline.Frames;

namespace CvM.Node.Evaluation;

/// <summary>
/// The shipping pipeline as an evaluation depth source: each frame's camera_info, pose (unless
/// <c>withPoses</c> is false, which makes every frame run duplicated) and image are posted to a replay-mode
/// pipeline and the depth it outputs is copied out. Owns its pipeline (dispose it).
/// </summary>
public sealed class PipelineDepthSource : IDepthSource, IPerceptionSink, IAsyncDisposable, IDisposable
{
    private const string Frame = "camera_optical";
    private readonly PipelineOptions _options;
    private readonly bool _withPoses;
    private readonly SemaphoreSlim _done = new(0);
    private PerceptionPipeline? _pipeline;
    private float[] _depth = [];
    private long _depthStamp = -1;

    /// <summary>A source named <paramref name="name"/> running <paramref name="options"/> (mode forced to replay).</summary>
    public PipelineDepthSource(string name, PipelineOptions options, bool withPoses)
    {
        Name = name;
        _options = options with { Mode = PipelineMode.Replay, Poses = withPoses ? options.Poses : options.Poses with { Mode = PoseSourceMode.None } };
        _withPoses = withPoses;
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public string Description => _withPoses
        ? "CvM network through the node's pipeline: two nearest keyframes by the baseline rule (duplicated while fewer exist)"
        : "CvM network through the node's pipeline with every frame duplicated (single-view)";

    /// <inheritdoc />
    public DepthSourceKind Kind => DepthSourceKind.Model;

    /// <summary>The pipeline's diagnostics after the run (null before the first frame).</summary>
    public CvM.Pipeline.Diagnostics.DiagnosticsSnapshot? Snapshot => _pipeline?.Snapshot();

    /// <inheritdoc />
    public void Reset()
    {
        Dispose();
        _pipeline = new PerceptionPipeline(_options, this);
        _pipeline.Configure();
        _pipeline.Activate();
    }

    /// <inheritdoc />
    public bool TryPredict(EvalFrame frame, Span<float> depthM)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var p = _pipeline ?? throw new InvalidOperationException("Reset was not called");
        if (frame.Rgb8.Length != frame.PixelCount * 3) return false;
        var k = frame.K;
        var drops = p.Diagnostics.TotalDrops;
        p.PostEventAsync(InputEvent.CameraInfo(frame.StampNs, Frame, k.Width, k.Height, [k.Fx, 0, k.Cx, 0, k.Fy, k.Cy, 0, 0, 1])).AsTask().GetAwaiter().GetResult();
        if (_withPoses && frame.T_world_cam is { } T_world_cam)
            p.PostEventAsync(InputEvent.Odometry(frame.StampNs, "odom", Frame, T_world_cam)).AsTask().GetAwaiter().GetResult();
        var pixels = PooledArray<byte>.CopyOf(frame.Rgb8.Span);
        var image = new ImageFrame(FrameHeader.FromNs(frame.StampNs, Frame), k.Width, k.Height, k.Width * 3, "rgb8", false, pixels,
            System.Diagnostics.Stopwatch.GetTimestamp());
        p.PostImageAsync(image).AsTask().GetAwaiter().GetResult();
        while (!_done.Wait(20))
        {
            if (p.Diagnostics.TotalDrops != drops) return false; // the pipeline dropped this frame (counted there)
        }
        if (_depthStamp != frame.StampNs || _depth.Length != depthM.Length) return false;
        _depth.CopyTo(depthM);
        return true;
    }

    /// <inheritdoc />
    void IPerceptionSink.Write(PerceptionResult result)
    {
        var d = result.Outputs!.DepthMeters;
        var n = result.Outputs.Width * result.Outputs.Height;
        if (_depth.Length != n) _depth = new float[n];
        d.AsSpan(0, n).CopyTo(_depth);
        _depthStamp = result.Header.StampNs;
        _done.Release();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_pipeline is not null) await _pipeline.DisposeAsync().ConfigureAwait(false);
        _pipeline = null;
    }

    /// <inheritdoc />
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();
}
