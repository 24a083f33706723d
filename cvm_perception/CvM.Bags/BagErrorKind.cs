namespace CvM.Bags;

/// <summary>What went wrong while reading a bag; carried by <see cref="BagReadException"/> and <see cref="BagReadError"/>.</summary>
public enum BagErrorKind
{
    /// <summary>The file is not a bag of the expected storage (bad magic, not an SQLite database).</summary>
    NotABag,
    /// <summary>The file ends inside a record or lacks its closing magic.</summary>
    Truncated,
    /// <summary>A stored CRC32 (chunk, data section, summary, attachment) does not match the bytes.</summary>
    CrcMismatch,
    /// <summary>A compressed chunk could not be decompressed or decompressed to the wrong size.</summary>
    DecompressionFailed,
    /// <summary>A chunk uses a compression other than none, zstd or lz4.</summary>
    UnsupportedCompression,
    /// <summary>A schema encoding other than <c>ros2msg</c> (for example <c>ros2idl</c>).</summary>
    UnsupportedSchemaEncoding,
    /// <summary>A record is malformed (lengths out of range, unknown ids).</summary>
    InvalidRecord,
    /// <summary><c>metadata.yaml</c> is missing, malformed or of an unsupported version.</summary>
    InvalidMetadata,
    /// <summary>A file named by <c>metadata.yaml</c> does not exist.</summary>
    MissingFile,
    /// <summary>The storage itself failed (I/O or SQLite error).</summary>
    StorageFailure,
}
