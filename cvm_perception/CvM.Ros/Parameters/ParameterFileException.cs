namespace CvM.Ros.Parameters;

/// <summary>
/// Thrown for a malformed ROS 2 parameter file or <c>-p</c> value: names the source (file path or
/// <c>-p</c> rule), the 1-based line and column, and what is wrong.
/// </summary>
public sealed class ParameterFileException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ParameterFileException(string source, int line, int column, string reason, Exception? inner = null)
        : base($"{source}:{line}:{column}: {reason}", inner)
    {
        Source = source;
        Line = line;
        Column = column;
        Reason = reason;
    }

    /// <summary>The file path (or <c>-p</c> rule) the error is in.</summary>
    public new string Source { get; }

    /// <summary>1-based line of the error.</summary>
    public int Line { get; }

    /// <summary>1-based column of the error.</summary>
    public int Column { get; }

    /// <summary>What is wrong.</summary>
    public string Reason { get; }
}
