namespace CvM.Messages.Cdr;

/// <summary>
/// A CDR payload could not be decoded (or a message could not be encoded): truncated data, a declared length
/// past the end of the buffer, an unsupported encapsulation, or a value that breaks the message's rules.
/// <see cref="Offset"/> is the byte offset in the whole payload (header included) where the problem was found,
/// or -1 when it is not tied to a position.
/// </summary>
public sealed class CdrException : Exception
{
    /// <summary>Creates the exception with the offending offset.</summary>
    public CdrException(string message, int offset)
        : base(offset >= 0 ? $"{message} (at payload offset {offset})" : message)
    {
        Offset = offset;
    }

    /// <summary>Creates the exception without an offset.</summary>
    public CdrException(string message) : this(message, -1)
    {
    }

    /// <summary>Creates the exception without an offset.</summary>
    public CdrException() : this("CDR error", -1)
    {
    }

    /// <summary>Creates the exception wrapping another.</summary>
    public CdrException(string message, Exception innerException) : base(message, innerException)
    {
        Offset = -1;
    }

    /// <summary>Byte offset in the whole payload (header included), or -1.</summary>
    public int Offset { get; }
}
