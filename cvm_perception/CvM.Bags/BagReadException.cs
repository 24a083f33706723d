namespace CvM.Bags;

/// <summary>A bag could not be read; <see cref="Error"/> names the file, the offset or record, and the cause.</summary>
public sealed class BagReadException : Exception
{
    /// <summary>Wraps <paramref name="error"/>.</summary>
    public BagReadException(BagReadError error, Exception? inner = null)
        : base(error.ToString(), inner) => Error = error;

    /// <summary>The structured description of the fault.</summary>
    public BagReadError Error { get; }

    /// <summary>Shorthand for <c>Error.Kind</c>.</summary>
    public BagErrorKind Kind => Error.Kind;

    /// <summary>Shorthand for <c>Error.FilePath</c>.</summary>
    public string FilePath => Error.FilePath;
}
