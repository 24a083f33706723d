using CvM.Bags.Internal;

namespace CvM.Bags;

/// <summary>
/// Reads a whole rosbag2 bag: a folder with <c>metadata.yaml</c> and its storage files (split bags merged), or a
/// single <c>.mcap</c> / <c>.db3</c> file. Messages of all files come in log-time order, file order breaking ties
/// (deterministic). Owns the storage readers it opened until disposed. Not thread-safe.
/// </summary>
public sealed class BagReader : IDisposable
{
    private readonly List<IBagStorageReader> _files;
    private readonly ErrorSink _errors;

    private BagReader(string path, BagMetadata metadata, List<IBagStorageReader> files, ErrorSink errors)
    {
        Path = path;
        Metadata = metadata;
        _files = files;
        _errors = errors;
        var topics = new Dictionary<string, BagTopic>(StringComparer.Ordinal);
        foreach (var t in files.SelectMany(f => f.Topics)) topics.TryAdd(t.Name, t);
        Topics = topics.Values.ToList();
    }

    /// <summary>
    /// Opens the bag at <paramref name="path"/> (folder or single file). In strict mode any fault throws
    /// <see cref="BagReadException"/>; in tolerant mode missing or unreadable files are reported in
    /// <see cref="Errors"/> and the rest is read.
    /// </summary>
    public static BagReader Open(string path, BagReadOptions? options = null)
    {
        options ??= BagReadOptions.Default;
        var errors = new ErrorSink(options.ErrorMode);
        var files = new List<IBagStorageReader>();
        try
        {
            if (File.Exists(path))
            {
                files.Add(BagStorage.Open(path, options));
                return new BagReader(path, MetadataFromFiles(files, System.IO.Path.GetFileName(path)), files, errors);
            }
            if (!Directory.Exists(path))
                throw new BagReadException(new BagReadError(BagErrorKind.MissingFile, path, null, null, "no such bag folder or file"));
            var metadata = BagMetadataYaml.Load(path);
            var metadataPath = System.IO.Path.Combine(path, BagMetadataYaml.FileName);
            for (var i = 0; i < metadata.RelativeFilePaths.Count; i++)
            {
                var relative = metadata.RelativeFilePaths[i];
                var full = System.IO.Path.Combine(path, relative);
                if (!File.Exists(full))
                {
                    // rosbag2 folders may list the file without the compression suffix or with a stale folder prefix.
                    var local = System.IO.Path.Combine(path, System.IO.Path.GetFileName(relative));
                    if (File.Exists(local)) full = local;
                }
                if (!File.Exists(full))
                {
                    errors.Report(new BagReadError(BagErrorKind.MissingFile, full, null, $"{metadataPath}: relative_file_paths[{i}]",
                        $"metadata.yaml names '{relative}', which does not exist"));
                    continue;
                }
                try
                {
                    files.Add(BagStorage.Open(full, options, i));
                }
                catch (BagReadException e) when (options.ErrorMode == BagErrorMode.SkipAndReport)
                {
                    errors.Report(e.Error);
                }
            }
            return new BagReader(path, metadata, files, errors);
        }
        catch
        {
            foreach (var f in files) f.Dispose();
            throw;
        }
    }

    /// <summary>The folder or file opened.</summary>
    public string Path { get; }

    /// <summary>The bag's metadata: from <c>metadata.yaml</c>, or built from the file for a single file.</summary>
    public BagMetadata Metadata { get; }

    /// <summary>Topics of all files (first definition of a name wins).</summary>
    public IReadOnlyList<BagTopic> Topics { get; }

    /// <summary>The opened storage files, in metadata order.</summary>
    public IReadOnlyList<IBagStorageReader> Files => _files;

    /// <summary>Faults of the bag and of all its files (tolerant mode).</summary>
    public IReadOnlyList<BagReadError> Errors => _errors.Errors.Concat(_files.SelectMany(f => f.Errors)).ToList();

    /// <summary>Per-topic message counts of all files (from their summaries).</summary>
    public IReadOnlyDictionary<string, long> CountMessagesByTopic()
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var f in _files)
            foreach (var (topic, n) in f.GetSummary().MessageCountByTopic) counts[topic] = counts.GetValueOrDefault(topic) + n;
        return counts;
    }

    /// <summary>
    /// Messages of all files that pass <paramref name="filter"/>, merged by (log time, file index, file order).
    /// Each message's data is valid only until the enumerator advances (see <see cref="BagMessage"/>).
    /// </summary>
    public IEnumerable<BagMessage> ReadMessages(BagReadFilter? filter = null)
    {
        filter ??= BagReadFilter.All;
        if (_files.Count == 1)
        {
            foreach (var m in _files[0].ReadMessages(filter)) yield return m;
            yield break;
        }
        var cursors = new List<IEnumerator<BagMessage>>();
        var queue = new PriorityQueue<int, (long, int, long)>();
        try
        {
            for (var i = 0; i < _files.Count; i++)
            {
                var e = _files[i].ReadMessages(filter).GetEnumerator();
                cursors.Add(e);
                if (e.MoveNext()) queue.Enqueue(i, Key(e.Current));
            }
            // The message handed out stays valid until its own cursor advances, which happens on the next MoveNext.
            while (queue.TryDequeue(out var i, out _))
            {
                yield return cursors[i].Current;
                if (cursors[i].MoveNext()) queue.Enqueue(i, Key(cursors[i].Current));
            }
        }
        finally
        {
            foreach (var c in cursors) c.Dispose();
        }
    }

    private static (long, int, long) Key(BagMessage m) => (m.LogTimeNs, m.FileIndex, m.FileOrder);

    /// <inheritdoc/>
    public void Dispose()
    {
        foreach (var f in _files) f.Dispose();
    }

    private static BagMetadata MetadataFromFiles(List<IBagStorageReader> files, string relativePath)
    {
        var f = files[0];
        var s = f.GetSummary();
        return new BagMetadata
        {
            StorageIdentifier = f.StorageIdentifier,
            StartingTimeNs = s.StartTimeNs,
            DurationNs = s.EndTimeNs - s.StartTimeNs,
            MessageCount = s.MessageCount,
            TopicsWithMessageCount = f.Topics.Select(t => new BagTopicInformation(t, s.MessageCountByTopic.GetValueOrDefault(t.Name))).ToList(),
            RelativeFilePaths = [relativePath],
            Files = [new BagFileInformation(relativePath, s.StartTimeNs, s.EndTimeNs - s.StartTimeNs, s.MessageCount)],
        };
    }
}
