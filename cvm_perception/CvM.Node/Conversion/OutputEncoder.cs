using System.Runtime.InteropServices;
using CvM.Messages.BuiltinInterfaces;
using CvM.Messages.Cdr;
using CvM.Messages.SensorMsgs;
using CvM.Messages.StdMsgs;
using CvM.Pipeline;

namespace CvM.Node.Conversion;

/// <summary>
/// Serializes a <see cref="PerceptionResult"/> into the output messages, each stamped with the input image's header,
/// and hands them to an <see cref="IOutputWriter"/>. Owns one reused buffer and one reused CameraInfo (no per-frame
/// allocation after the first frame of a size). Not thread-safe (the output stage's).
/// </summary>
public sealed class OutputEncoder : IDisposable
{
    private readonly PooledBufferWriter _buffer = new(1 << 20);
    private readonly CameraInfo _info = new() { DistortionModel = "plumb_bob", D = new double[5] };
    private readonly bool[] _enabled;

    /// <summary>Encodes the topics for which <paramref name="enabled"/> is true.</summary>
    public OutputEncoder(Func<OutputTopic, bool> enabled)
    {
        ArgumentNullException.ThrowIfNull(enabled);
        _enabled = OutputTopics.All.Select(enabled).ToArray();
    }

    /// <summary>Encodes every enabled output of <paramref name="result"/> into <paramref name="writer"/>.</summary>
    public void Encode(PerceptionResult result, IOutputWriter writer)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(writer);
        var o = result.Outputs ?? throw new ArgumentException("result without outputs", nameof(result));
        var header = new Header(new Time(result.Header.Sec, result.Header.Nanosec), result.Header.FrameId);
        var stamp = result.Header.StampNs;
        uint w = (uint)o.Width, h = (uint)o.Height;
        if (_enabled[(int)OutputTopic.Depth])
            Emit(writer, OutputTopic.Depth, new ImageMetadata(header, h, w, "32FC1", 0, w * 4), MemoryMarshal.AsBytes(o.DepthMeters.AsSpan(0, o.Width * o.Height)), stamp);
        if (_enabled[(int)OutputTopic.DepthCameraInfo] && result.K is { } k)
        {
            _info.Header = header;
            (_info.Width, _info.Height) = (w, h);
            _info.K[0] = k.Fx; _info.K[2] = k.Cx; _info.K[4] = k.Fy; _info.K[5] = k.Cy; _info.K[8] = 1;
            _info.R[0] = _info.R[4] = _info.R[8] = 1;
            _info.P[0] = k.Fx; _info.P[2] = k.Cx; _info.P[5] = k.Fy; _info.P[6] = k.Cy; _info.P[10] = 1;
            _buffer.Clear();
            CdrCodec.Serialize(_info, _buffer);
            writer.Write(OutputTopic.DepthCameraInfo, _buffer.WrittenSpan, stamp);
        }
        if (_enabled[(int)OutputTopic.Semantics])
            Emit(writer, OutputTopic.Semantics, new ImageMetadata(header, h, w, "mono8", 0, w), o.SemanticIds.AsSpan(0, o.Width * o.Height), stamp);
        if (_enabled[(int)OutputTopic.SemanticsColor])
            Emit(writer, OutputTopic.SemanticsColor, new ImageMetadata(header, h, w, "rgb8", 0, w * 3), o.SemanticRgb.AsSpan(0, 3 * o.Width * o.Height), stamp);
        if (_enabled[(int)OutputTopic.Normals])
            Emit(writer, OutputTopic.Normals, new ImageMetadata(header, h, w, "32FC3", 0, w * 12), MemoryMarshal.AsBytes(o.NormalsXyz.AsSpan(0, 3 * o.Width * o.Height)), stamp);
        if (_enabled[(int)OutputTopic.NormalsColor])
            Emit(writer, OutputTopic.NormalsColor, new ImageMetadata(header, h, w, "rgb8", 0, w * 3), o.NormalsRgb.AsSpan(0, 3 * o.Width * o.Height), stamp);
    }

    private void Emit(IOutputWriter writer, OutputTopic topic, in ImageMetadata m, ReadOnlySpan<byte> pixels, long stamp)
    {
        _buffer.Clear();
        Image.Serialize(m, pixels, _buffer);
        writer.Write(topic, _buffer.WrittenSpan, stamp);
    }

    /// <summary>Returns the pooled buffer.</summary>
    public void Dispose() => _buffer.Dispose();
}
