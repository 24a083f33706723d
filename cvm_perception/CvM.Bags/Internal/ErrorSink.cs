namespace CvM.Bags.Internal;

/// <summary>One choke point for faults: throws in strict mode, records (once per kind and place) in tolerant mode.</summary>
internal sealed class ErrorSink(BagErrorMode mode)
{
    private readonly List<BagReadError> _errors = [];
    private readonly HashSet<(BagErrorKind, long?, string?)> _seen = [];

    public BagErrorMode Mode { get; } = mode;

    public IReadOnlyList<BagReadError> Errors => _errors;

    /// <summary>Throws <see cref="BagReadException"/> in strict mode; otherwise records the error and returns.</summary>
    public void Report(BagReadError error, Exception? inner = null)
    {
        if (Mode == BagErrorMode.StopAtFirstError) throw new BagReadException(error, inner);
        if (_seen.Add((error.Kind, error.Offset, error.Record))) _errors.Add(error);
    }
}
