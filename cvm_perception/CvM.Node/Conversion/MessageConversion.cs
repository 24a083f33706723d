using System.Diagnostics;
using CvM.Geometry;
using CvM.Messages.BuiltinInterfaces;
using CvM.Messages.GeometryMsgs;
using CvM.Messages.NavMsgs;
using CvM.Messages.SensorMsgs;
using CvM.Messages.StdMsgs;
using CvM.Messages.Tf2Msgs;
using CvM.Pipeline.Frames;

namespace CvM.Node.Conversion;

/// <summary>
/// ROS messages to the pipeline's plain frames and events (the only place that knows both). Image pixels are copied
/// from the payload into a pooled lease the returned frame owns.
/// </summary>
public static class MessageConversion
{
    /// <summary>Nanoseconds of a ROS time.</summary>
    public static long ToNs(Time t) => t.Sec * 1_000_000_000L + t.Nanosec;

    /// <summary>
    /// Decodes an Image payload into a frame (pixels copied into a pooled lease the caller owns).
    /// </summary>
    /// <exception cref="CvM.Messages.Cdr.CdrException">Not a valid image (e.g. data shorter than step*height).</exception>
    public static ImageFrame DecodeImage(ReadOnlySpan<byte> payload, long receivedTicks = 0)
    {
        var m = Image.DecodeView(payload, out var pixels);
        var lease = PooledArray<byte>.CopyOf(pixels);
        return new ImageFrame(new FrameHeader(m.Header.Stamp.Sec, m.Header.Stamp.Nanosec, m.Header.FrameId), (int)Math.Min(m.Width, int.MaxValue),
            (int)Math.Min(m.Height, int.MaxValue), (int)Math.Min(m.Step, int.MaxValue), m.Encoding, m.IsBigendian != 0, lease,
            receivedTicks == 0 ? Stopwatch.GetTimestamp() : receivedTicks);
    }

    /// <summary>A <c>camera_info</c> payload to its event without allocating (<see cref="CameraInfo.DecodeIntrinsics"/>).</summary>
    /// <exception cref="CvM.Messages.Cdr.CdrException">The payload is malformed.</exception>
    public static InputEvent CameraInfoEvent(ReadOnlySpan<byte> payload)
    {
        Span<double> K = stackalloc double[9];
        var header = CameraInfo.DecodeIntrinsics(payload, K, out var width, out var height);
        return InputEvent.CameraInfo(ToNs(header.Stamp), header.FrameId, (int)Math.Min(width, int.MaxValue), (int)Math.Min(height, int.MaxValue), K);
    }

    /// <summary>An <c>Odometry</c> payload to its event without allocating (<see cref="Odometry.DecodePose"/>).</summary>
    /// <exception cref="CvM.Messages.Cdr.CdrException">The payload is malformed.</exception>
    public static InputEvent OdometryEvent(ReadOnlySpan<byte> payload)
    {
        var header = Odometry.DecodePose(payload, out var child, out var pose);
        return InputEvent.Odometry(ToNs(header.Stamp), header.FrameId, child, ToPose(pose));
    }

    /// <summary>A TF event.</summary>
    public static InputEvent ToEvent(TransformStamped t, bool isStatic) => TransformEvent(t.Header, t.ChildFrameId, t.Transform, isStatic);

    /// <summary>A TF event from the parts of one <c>TransformStamped</c> (as <see cref="TFMessage.DecodeTransforms{TSink}"/> hands them out).</summary>
    public static InputEvent TransformEvent(in Header header, string childFrameId, in Transform transform, bool isStatic) =>
        InputEvent.Transform(ToNs(header.Stamp), header.FrameId, childFrameId, ToPose(transform), isStatic);

    /// <summary>The pose with the quaternion as received (not normalised: the pipeline checks it).</summary>
    public static Pose3 ToPose(Pose p) =>
        new(new UnitQuaternion(p.Orientation.W, p.Orientation.X, p.Orientation.Y, p.Orientation.Z), new Vector3d(p.Position.X, p.Position.Y, p.Position.Z));

    /// <summary>The transform with the quaternion as received.</summary>
    public static Pose3 ToPose(Transform t) =>
        new(new UnitQuaternion(t.Rotation.W, t.Rotation.X, t.Rotation.Y, t.Rotation.Z), new Vector3d(t.Translation.X, t.Translation.Y, t.Translation.Z));
}
