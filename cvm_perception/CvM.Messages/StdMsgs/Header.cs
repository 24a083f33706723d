using CvM.Messages.BuiltinInterfaces;
using CvM.Messages.Cdr;

namespace CvM.Messages.StdMsgs;

/// <summary>
/// Stamp and coordinate frame of stamped data (<c>std_msgs/msg/Header</c>). A value type; the frame id
/// string is immutable and decoded through a shared cache, so repeated frame ids do not allocate.
/// </summary>
public readonly record struct Header : IRosMessage<Header>
{
    private readonly string? _frameId;

    /// <summary>Creates a header.</summary>
    public Header(Time stamp, string frameId)
    {
        Stamp = stamp;
        _frameId = frameId;
    }

    /// <summary>Acquisition time.</summary>
    public Time Stamp { get; init; }

    /// <summary>Frame the data is expressed in ("" when unset, never null).</summary>
    public string FrameId
    {
        get => _frameId ?? string.Empty;
        init => _frameId = value;
    }

    /// <inheritdoc />
    public static string RosType => "std_msgs/msg/Header";

    /// <inheritdoc />
    public static Header Read(ref CdrReader reader)
    {
        var stamp = Time.Read(ref reader);
        return new Header(stamp, reader.ReadStringInterned());
    }

    /// <inheritdoc />
    public void Write(ref CdrWriter writer)
    {
        Stamp.Write(ref writer);
        writer.WriteString(FrameId);
    }
}
