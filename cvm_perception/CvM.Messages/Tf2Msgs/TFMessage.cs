using CvM.Messages.Cdr;
using CvM.Messages.GeometryMsgs;
using CvM.Messages.StdMsgs;

namespace CvM.Messages.Tf2Msgs;

/// <summary>A batch of transforms (<c>tf2_msgs/msg/TFMessage</c>, topics <c>/tf</c> and <c>/tf_static</c>).</summary>
public sealed class TFMessage : IRosMessage<TFMessage>
{
    /// <summary>The transforms; the message owns the array.</summary>
    public TransformStamped[] Transforms { get; set; } = [];

    /// <inheritdoc />
    public static string RosType => "tf2_msgs/msg/TFMessage";

    /// <inheritdoc />
    public static TFMessage Read(ref CdrReader reader)
    {
        var count = reader.ReadSequenceLength(TransformStamped.MinEncodedSize);
        var transforms = new TransformStamped[count];
        for (var i = 0; i < count; i++) transforms[i] = TransformStamped.Read(ref reader);
        return new TFMessage { Transforms = transforms };
    }

    /// <inheritdoc />
    public void Write(ref CdrWriter writer)
    {
        writer.WriteSequenceLength(Transforms.Length);
        foreach (var t in Transforms) t.Write(ref writer);
    }

    /// <summary>
    /// Hot-path decode of a whole payload without allocating: every transform goes to <paramref name="sink"/> (frame
    /// ids interned), but only after the whole payload was read and checked, so a malformed message throws
    /// <see cref="CdrException"/> with nothing delivered, as <see cref="CdrCodec.Deserialize{T}"/> would. Returns the
    /// number of transforms.
    /// </summary>
    public static int DecodeTransforms<TSink>(ReadOnlySpan<byte> payload, ref TSink sink) where TSink : struct, ITransformSink
    {
        var none = default(NoSink);
        Walk(payload, ref none);
        return Walk(payload, ref sink);
    }

    private static int Walk<TSink>(ReadOnlySpan<byte> payload, ref TSink sink) where TSink : struct, ITransformSink
    {
        var reader = new CdrReader(payload);
        var count = reader.ReadSequenceLength(TransformStamped.MinEncodedSize);
        for (var i = 0; i < count; i++)
        {
            var header = Header.Read(ref reader);
            var child = reader.ReadStringInterned();
            var transform = Transform.Read(ref reader);
            sink.Add(header, child, transform);
        }
        return count;
    }

    private struct NoSink : ITransformSink
    {
        public readonly void Add(in Header header, string childFrameId, in Transform transform)
        {
        }
    }
}
