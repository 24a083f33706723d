namespace CvM.Bags;

/// <summary>
/// One error met while reading a bag: what, in which file, and where (byte offset and/or record name).
/// In <see cref="BagErrorMode.SkipAndReport"/> mode readers collect these and go on with the valid parts.
/// </summary>
/// <param name="Kind">What went wrong.</param>
/// <param name="FilePath">The file that holds the fault.</param>
/// <param name="Offset">Byte offset of the faulty record in that file, when known.</param>
/// <param name="Record">The record or table concerned (e.g. <c>Chunk</c>, <c>Schema 3</c>, <c>messages row 12</c>).</param>
/// <param name="Detail">A human-readable explanation.</param>
public sealed record BagReadError(BagErrorKind Kind, string FilePath, long? Offset, string? Record, string Detail)
{
    /// <summary>One line naming kind, file, offset and record.</summary>
    public override string ToString()
    {
        var where = Offset is { } o ? $" at offset {o}" : "";
        var rec = Record is null ? "" : $" ({Record})";
        return $"{Kind}: {FilePath}{where}{rec}: {Detail}";
    }
}
