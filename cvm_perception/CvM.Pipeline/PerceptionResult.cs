using CvM.Geometry;
using CvM.Inference;
using CvM.Keyframes.Poses;
using CvM.Keyframes.Selection;
using CvM.Pipeline.Frames;

namespace CvM.Pipeline;

/// <summary>
/// One frame's outputs at the camera resolution plus what the frame was run with. Pooled by the pipeline: a sink
/// receives it in <see cref="IPerceptionSink.Write"/> and may read it only during that call (copy out what it keeps);
/// the pipeline reuses it afterwards. <see cref="Outputs"/> is reallocated only when the camera size changes.
/// </summary>
public sealed class PerceptionResult : IDisposable
{
    /// <summary>The input image's header (outputs are stamped with it).</summary>
    public FrameHeader Header { get; internal set; }

    /// <summary>The camera intrinsics of the image (for ~/depth/camera_info and evaluation).</summary>
    public Intrinsics? K { get; internal set; }

    /// <summary>The camera pose used (identity without one).</summary>
    public Pose3 T_world_cam { get; internal set; }

    /// <summary>Why there was no pose (Ok when there was one).</summary>
    public PoseLookupStatus PoseStatus { get; internal set; }

    /// <summary>How the network was fed and, for duplication, why.</summary>
    public ViewSelection Selection { get; internal set; }

    /// <summary>Stamp of source view 1 (nearer), or -1 when duplicated.</summary>
    public long Source1StampNs { get; internal set; } = -1;

    /// <summary>Stamp of source view 2, or -1 when duplicated.</summary>
    public long Source2StampNs { get; internal set; } = -1;

    /// <summary>Model stage times of this frame.</summary>
    public StageTimings Timings { get; internal set; }

    /// <summary>When the transport received the image (<see cref="System.Diagnostics.Stopwatch"/> ticks).</summary>
    public long ReceivedTicks { get; internal set; }

    /// <summary>The outputs (depth, ids, colours, normals) at the camera resolution; null before the first frame.</summary>
    public CvmOutputs? Outputs { get; private set; }

    /// <summary>Outputs sized <paramref name="width"/> x <paramref name="height"/> (reallocated only on a size change).</summary>
    internal CvmOutputs EnsureOutputs(int width, int height)
    {
        if (Outputs is { } o && o.Width == width && o.Height == height) return o;
        Outputs?.Dispose();
        Outputs = new CvmOutputs(width, height);
        return Outputs;
    }

    /// <summary>Releases the outputs' native headers.</summary>
    public void Dispose() => Outputs?.Dispose();
}
