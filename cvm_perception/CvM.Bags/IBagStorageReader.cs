namespace CvM.Bags;

/// <summary>
/// Reads one rosbag2 storage file (MCAP or sqlite3). Implementations: <see cref="Mcap.McapStorageReader"/>,
/// <see cref="Sqlite.SqliteStorageReader"/>; open either with <see cref="BagStorage.Open"/>.
/// The reader owns its file handle and pooled buffers until disposed. Not thread-safe: one enumeration at a time.
/// </summary>
public interface IBagStorageReader : IDisposable
{
    /// <summary>The file this reader reads.</summary>
    string FilePath { get; }

    /// <summary><c>mcap</c> or <c>sqlite3</c> (the rosbag2 storage identifier).</summary>
    string StorageIdentifier { get; }

    /// <summary>The topics of the file (with their stored definitions).</summary>
    IReadOnlyList<BagTopic> Topics { get; }

    /// <summary>Faults met so far in <see cref="BagErrorMode.SkipAndReport"/> mode (empty in strict mode).</summary>
    IReadOnlyList<BagReadError> Errors { get; }

    /// <summary>Message counts and time span of the file.</summary>
    BagStorageSummary GetSummary();

    /// <summary>
    /// Messages that pass <paramref name="filter"/>, in log-time order with file order as tie-break (MCAP files
    /// without a chunk index are read in file order). Each message's <see cref="BagMessage.Data"/> is valid only
    /// until the enumerator advances. Throws <see cref="BagReadException"/> on a fault in strict mode.
    /// </summary>
    IEnumerable<BagMessage> ReadMessages(BagReadFilter? filter = null);
}
