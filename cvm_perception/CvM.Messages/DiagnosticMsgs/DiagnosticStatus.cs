using CvM.Messages.Cdr;

namespace CvM.Messages.DiagnosticMsgs;

/// <summary>The status of one component (<c>diagnostic_msgs/msg/DiagnosticStatus</c>).</summary>
public sealed class DiagnosticStatus : IRosMessage<DiagnosticStatus>
{
    /// <summary>Level: operating normally.</summary>
    public const byte OK = 0;

    /// <summary>Level: warning.</summary>
    public const byte WARN = 1;

    /// <summary>Level: error.</summary>
    public const byte ERROR = 2;

    /// <summary>Level: stale (no recent update).</summary>
    public const byte STALE = 3;

    /// <summary>Smallest encoded size (level, three empty strings, empty sequence), for sequence length checks.</summary>
    internal const int MinEncodedSize = 1 + 3 + 4 + 4 + 4 + 4;

    /// <summary>Level of operation (<see cref="OK"/>, <see cref="WARN"/>, <see cref="ERROR"/>, <see cref="STALE"/>).</summary>
    public byte Level { get; set; }

    /// <summary>A description of the test/component reporting.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>A description of the status.</summary>
    public string Message { get; set; } = string.Empty;

    /// <summary>A hardware unique string.</summary>
    public string HardwareId { get; set; } = string.Empty;

    /// <summary>Values associated with the status; the message owns the array.</summary>
    public KeyValue[] Values { get; set; } = [];

    /// <inheritdoc />
    public static string RosType => "diagnostic_msgs/msg/DiagnosticStatus";

    /// <inheritdoc />
    public static DiagnosticStatus Read(ref CdrReader reader)
    {
        var status = new DiagnosticStatus
        {
            Level = reader.ReadByte(),
            Name = reader.ReadString(),
            Message = reader.ReadString(),
            HardwareId = reader.ReadString(),
        };
        var count = reader.ReadSequenceLength(KeyValue.MinEncodedSize);
        var values = new KeyValue[count];
        for (var i = 0; i < count; i++) values[i] = KeyValue.Read(ref reader);
        status.Values = values;
        return status;
    }

    /// <inheritdoc />
    public void Write(ref CdrWriter writer)
    {
        writer.WriteByte(Level);
        writer.WriteString(Name);
        writer.WriteString(Message);
        writer.WriteString(HardwareId);
        writer.WriteSequenceLength(Values.Length);
        foreach (var v in Values) v.Write(ref writer);
    }
}
