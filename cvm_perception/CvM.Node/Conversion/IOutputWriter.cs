namespace CvM.Node.Conversion;

/// <summary>Receives one serialized output message (CDR with its header); the span is valid during the call only.</summary>
public interface IOutputWriter
{
    /// <summary>Writes <paramref name="cdr"/> on <paramref name="topic"/>; <paramref name="stampNs"/> is the input image's stamp.</summary>
    void Write(OutputTopic topic, ReadOnlySpan<byte> cdr, long stampNs);
}
