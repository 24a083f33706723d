using CvM.Messages.Cdr;
using CvM.Messages.GeometryMsgs;

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
}
