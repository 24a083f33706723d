namespace CvM.Ros.Dds;

/// <summary>libddsc is missing or of an unexpected version/ABI; <see cref="Attempts"/> lists every name and folder tried and why it failed.</summary>
public sealed class CycloneLibraryException : Exception
{
    public CycloneLibraryException(string message, IReadOnlyList<string> attempts) : base(message) => Attempts = attempts;

    public CycloneLibraryException() : this("libddsc could not be loaded", []) { }

    public CycloneLibraryException(string message) : this(message, []) { }

    public CycloneLibraryException(string message, Exception inner) : base(message, inner) => Attempts = [];

    /// <summary>One line per candidate: where it was looked for and the reason it failed.</summary>
    public IReadOnlyList<string> Attempts { get; }
}
