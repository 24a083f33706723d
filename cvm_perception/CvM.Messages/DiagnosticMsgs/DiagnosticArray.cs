using CvM.Messages.Cdr;
using CvM.Messages.StdMsgs;

namespace CvM.Messages.DiagnosticMsgs;

/// <summary>Diagnostic information about the state of the robot (<c>diagnostic_msgs/msg/DiagnosticArray</c>).</summary>
public sealed class DiagnosticArray : IRosMessage<DiagnosticArray>
{
    /// <summary>Timestamp.</summary>
    public Header Header { get; set; }

    /// <summary>The components being reported on; the message owns the array.</summary>
    public DiagnosticStatus[] Status { get; set; } = [];

    /// <inheritdoc />
    public static string RosType => "diagnostic_msgs/msg/DiagnosticArray";

    /// <inheritdoc />
    public static DiagnosticArray Read(ref CdrReader reader)
    {
        var header = Header.Read(ref reader);
        var count = reader.ReadSequenceLength(DiagnosticStatus.MinEncodedSize);
        var status = new DiagnosticStatus[count];
        for (var i = 0; i < count; i++) status[i] = DiagnosticStatus.Read(ref reader);
        return new DiagnosticArray { Header = header, Status = status };
    }

    /// <inheritdoc />
    public void Write(ref CdrWriter writer)
    {
        Header.Write(ref writer);
        writer.WriteSequenceLength(Status.Length);
        foreach (var s in Status) s.Write(ref writer);
    }
}
