using System.Diagnostics;
using CvM.Geometry;
using CvM.Pipeline.Frames;

namespace CvM.Pipeline.Tests;

/// <summary>Posts a synthetic sequence the way the node does: camera_info, odometry (T_odom_base, camera = base), image.</summary>
internal static class Feeder
{
    public const string CameraFrame = "camera_optical";

    public static ImageFrame Image(SyntheticSequence seq, int i, string encoding = "rgb8", int? step = null, int? dataLength = null, long? stampNs = null)
    {
        var f = seq.Frames[i];
        var w = seq.K.Width;
        var h = seq.K.Height;
        var s = step ?? w * 3;
        var n = dataLength ?? s * h;
        var pixels = PooledArray<byte>.Rent(n);
        pixels.Span.Clear();
        var copy = Math.Min(n, f.Rgb.Length);
        f.Rgb.AsSpan(0, copy).CopyTo(pixels.Span);
        return new ImageFrame(FrameHeader.FromNs(stampNs ?? f.StampNs, CameraFrame), w, h, s, encoding, false, pixels, Stopwatch.GetTimestamp());
    }

    public static InputEvent CameraInfo(SyntheticSequence seq, long stampNs) =>
        InputEvent.CameraInfo(stampNs, CameraFrame, seq.K.Width, seq.K.Height,
            [seq.K.Fx, 0, seq.K.Cx, 0, seq.K.Fy, seq.K.Cy, 0, 0, 1]);

    public static InputEvent Odometry(long stampNs, Pose3 T_odom_base) => InputEvent.Odometry(stampNs, "odom", "base_link", T_odom_base);

    public static async Task PostFrameAsync(PerceptionPipeline p, SyntheticSequence seq, int i, bool withPose = true)
    {
        var f = seq.Frames[i];
        await p.PostEventAsync(CameraInfo(seq, f.StampNs));
        if (withPose) await p.PostEventAsync(Odometry(f.StampNs, f.T_world_cam));
        await p.PostImageAsync(Image(seq, i));
    }

    public static async Task<PerceptionPipeline> StartAsync(PipelineOptions options, IPerceptionSink sink)
    {
        var p = new PerceptionPipeline(options, sink);
        p.Configure();
        p.Activate();
        await Task.CompletedTask;
        return p;
    }
}
