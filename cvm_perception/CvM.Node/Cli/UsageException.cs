namespace CvM.Node.Cli;

/// <summary>A command-line usage error (exit code 2).</summary>
public sealed class UsageException : Exception
{
    /// <summary>Creates the error.</summary>
    public UsageException(string message) : base(message)
    {
    }

    /// <summary>Creates the error.</summary>
    public UsageException() : base("usage error")
    {
    }

    /// <summary>Creates the error.</summary>
    public UsageException(string message, Exception inner) : base(message, inner)
    {
    }
}
