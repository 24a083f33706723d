using CvM.Messages.Cdr;

namespace CvM.Messages.DiagnosticMsgs;

/// <summary>A labelled value of a diagnostic status (<c>diagnostic_msgs/msg/KeyValue</c>).</summary>
public sealed class KeyValue : IRosMessage<KeyValue>
{
    /// <summary>Smallest encoded size (two empty strings), for sequence length checks.</summary>
    internal const int MinEncodedSize = 8;

    /// <summary>Creates an empty pair.</summary>
    public KeyValue()
    {
    }

    /// <summary>Creates a pair.</summary>
    public KeyValue(string key, string value)
    {
        Key = key;
        Value = value;
    }

    /// <summary>What to label this value when viewing.</summary>
    public string Key { get; set; } = string.Empty;

    /// <summary>A value to track over time.</summary>
    public string Value { get; set; } = string.Empty;

    /// <inheritdoc />
    public static string RosType => "diagnostic_msgs/msg/KeyValue";

    /// <inheritdoc />
    public static KeyValue Read(ref CdrReader reader) => new(reader.ReadString(), reader.ReadString());

    /// <inheritdoc />
    public void Write(ref CdrWriter writer)
    {
        writer.WriteString(Key);
        writer.WriteString(Value);
    }
}
