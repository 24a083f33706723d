using System.Buffers.Binary;
using CvM.Bags.Internal;
using Microsoft.Win32.SafeHandles;

namespace CvM.Bags.Mcap;

/// <summary>
/// Reads a rosbag2 MCAP file. With a summary (chunk indexes, message indexes) it seeks: only chunks that can hold
/// the requested topics and times are read and decompressed, and messages come in log-time order (file order
/// breaks ties, chunks overlapping in time are merged). Without a usable summary (unfinished or truncated file,
/// bad summary CRC in tolerant mode, unchunked file) it scans the data section and yields messages in file order.
/// Checks the chunk CRCs, the summary CRC, and the data-section CRC (on a scan, or on open when asked).
/// Schemas must be <c>ros2msg</c>; <c>ros2idl</c> and others are reported as
/// <see cref="BagErrorKind.UnsupportedSchemaEncoding"/> and their topics left out in tolerant mode.
/// Indexed reads load chunks (read, decompress into one pooled buffer, CRC) up to
/// <see cref="BagReadOptions.ReadAheadChunks"/> ahead on thread-pool workers while the caller consumes the current
/// one; messages are slices of that buffer and come in the same order as without read-ahead.
/// Owns its file handle, its zstd contexts and its pooled buffers until disposed; disposing stops the workers first.
/// Not thread-safe: one enumeration at a time, from one thread.
/// </summary>
public sealed partial class McapStorageReader : IBagStorageReader
{
    private readonly SafeFileHandle _file;
    private readonly long _length;
    private readonly BagReadOptions _options;
    private readonly ErrorSink _errors;
    private readonly Dictionary<ushort, McapSchemaInfo> _schemas = [];
    private readonly Dictionary<ushort, McapChannelInfo> _channels = [];
    private readonly List<McapChunkIndex> _chunkIndexes = [];
    private readonly Dictionary<string, BagTopic> _topicsByName = new(StringComparer.Ordinal);
    private readonly List<BagTopic> _topics = [];
    private BagStorageSummary? _summary;
    private bool _indexed;

    private McapStorageReader(string path, BagReadOptions options, int fileIndex)
    {
        FilePath = path;
        FileIndex = fileIndex;
        _options = options;
        _errors = new ErrorSink(options.ErrorMode);
        if (!File.Exists(path))
            throw new BagReadException(new BagReadError(BagErrorKind.MissingFile, path, null, null, "file does not exist"));
        _file = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.RandomAccess);
        _length = RandomAccess.GetLength(_file);
    }

    /// <summary>Opens <paramref name="path"/>; throws <see cref="BagReadException"/> on a fault in strict mode.</summary>
    public static McapStorageReader Open(string path, BagReadOptions? options = null, int fileIndex = 0)
    {
        var reader = new McapStorageReader(path, options ?? BagReadOptions.Default, fileIndex);
        try
        {
            reader.Initialize();
            return reader;
        }
        catch
        {
            reader.Dispose();
            throw;
        }
    }

    /// <inheritdoc/>
    public string FilePath { get; }

    /// <summary>Index of this file in its bag (the tie-break after log time).</summary>
    public int FileIndex { get; }

    /// <inheritdoc/>
    public string StorageIdentifier => "mcap";

    /// <summary>The MCAP header's profile (<c>ros2</c> for rosbag2 files).</summary>
    public string Profile { get; private set; } = "";

    /// <summary>The MCAP header's library string.</summary>
    public string Library { get; private set; } = "";

    /// <summary>True when reads use the summary's chunk and message indexes; false when they scan the file.</summary>
    public bool IsIndexed => _indexed;

    /// <inheritdoc/>
    public IReadOnlyList<BagTopic> Topics => _topics;

    /// <inheritdoc/>
    public IReadOnlyList<BagReadError> Errors => _errors.Errors;

    /// <inheritdoc/>
    public BagStorageSummary GetSummary() => _summary ??= SummaryFromStatistics() ?? CountByReading();

    /// <summary>
    /// Messages that pass <paramref name="filter"/> (see <see cref="IBagStorageReader.ReadMessages"/>). Indexed reads
    /// decompress up to <see cref="BagReadOptions.ReadAheadChunks"/> chunks ahead on thread-pool workers; the order is
    /// the same as without read-ahead. Disposing the enumerator (or this reader) mid-read stops the workers, waits for
    /// them and returns every pooled buffer.
    /// </summary>
    public IEnumerable<BagMessage> ReadMessages(BagReadFilter? filter = null) =>
        _indexed ? ReadIndexed(filter ?? BagReadFilter.All) : ReadScan(filter ?? BagReadFilter.All);

    /// <summary>Stops read-ahead workers still running (returning their buffers), then closes the file.</summary>
    public void Dispose()
    {
        StopActiveReads();
        while (_codecs.TryTake(out var codec)) codec.Dispose();
        _file.Dispose();
    }

    private BagReadError Error(BagErrorKind kind, long? offset, string? record, string detail) =>
        new(kind, FilePath, offset, record, detail);

    private void Initialize()
    {
        Span<byte> head = stackalloc byte[McapFormat.MagicLength + McapFormat.RecordHeaderLength];
        if (!ReadExactly(0, head[..McapFormat.MagicLength]) || !head[..McapFormat.MagicLength].SequenceEqual(McapFormat.Magic))
            throw new BagReadException(Error(BagErrorKind.NotABag, 0, "magic", "the file does not start with the MCAP magic"));
        ReadHeaderRecord();
        _indexed = TryLoadSummary();
        if (_indexed && _options.VerifyDataSectionCrc) VerifyDataSectionCrc();
        if (!_indexed)
        {
            _schemas.Clear();
            _channels.Clear();
            _summary = CountByReading();
        }
        else
        {
            ResolveAllTopics();
        }
    }

    private void ReadHeaderRecord()
    {
        var content = ReadRecordAt(McapFormat.MagicLength, McapOpcode.Header, "Header", 1 << 20);
        if (content is null) return;
        try
        {
            var r = new McapSpanReader(content);
            Profile = r.String();
            Library = r.String();
        }
        catch (McapFormatException e)
        {
            _errors.Report(Error(BagErrorKind.InvalidRecord, McapFormat.MagicLength, "Header", e.Message));
        }
    }

    /// <summary>Reads the record at <paramref name="offset"/>, expecting <paramref name="opcode"/>; null after a reported fault.</summary>
    private byte[]? ReadRecordAt(long offset, McapOpcode opcode, string name, long maxLength)
    {
        Span<byte> header = stackalloc byte[McapFormat.RecordHeaderLength];
        if (!ReadExactly(offset, header))
        {
            _errors.Report(Error(BagErrorKind.Truncated, offset, name, $"the file ends (at {_length}) inside the record header"));
            return null;
        }
        var length = BinaryPrimitives.ReadUInt64LittleEndian(header[1..]);
        if (header[0] != (byte)opcode || length > (ulong)maxLength)
        {
            _errors.Report(Error(BagErrorKind.InvalidRecord, offset, name, $"expected opcode {(byte)opcode:X2}, found {header[0]:X2} with length {length}"));
            return null;
        }
        var content = new byte[(int)length];
        if (!ReadExactly(offset + McapFormat.RecordHeaderLength, content))
        {
            _errors.Report(Error(BagErrorKind.Truncated, offset, name, $"the file ends (at {_length}) inside the record"));
            return null;
        }
        return content;
    }

    private bool ReadExactly(long offset, Span<byte> target)
    {
        if (offset < 0 || offset + target.Length > _length) return false;
        var done = 0;
        while (done < target.Length)
        {
            var n = RandomAccess.Read(_file, target[done..], offset + done);
            if (n <= 0) return false;
            done += n;
        }
        return true;
    }

    private void RegisterSchema(ReadOnlySpan<byte> content, long offset)
    {
        var r = new McapSpanReader(content);
        var id = r.U16();
        var name = r.String();
        var encoding = r.String();
        var text = System.Text.Encoding.UTF8.GetString(r.BytesU32());
        _schemas[id] = new McapSchemaInfo(id, name, encoding, text, offset);
    }

    private McapChannelInfo RegisterChannel(ReadOnlySpan<byte> content, long offset)
    {
        var r = new McapSpanReader(content);
        var channel = new McapChannelInfo(r.U16(), r.U16(), r.String(), r.String(), r.StringMap(), offset);
        if (_channels.TryGetValue(channel.Id, out var known)) return known;
        _channels[channel.Id] = channel;
        return channel;
    }

    private void ResolveAllTopics()
    {
        foreach (var id in _channels.Keys.Order().ToList()) ResolveTopic(_channels[id]);
    }

    /// <summary>Builds the channel's topic; reports unknown or unsupported schemas (channel then stays excluded).</summary>
    private void ResolveTopic(McapChannelInfo channel)
    {
        if (channel.Topic is not null) return;
        BagMessageDefinition? definition = null;
        var type = "";
        if (channel.SchemaId != 0)
        {
            if (!_schemas.TryGetValue(channel.SchemaId, out var schema))
            {
                _errors.Report(Error(BagErrorKind.InvalidRecord, channel.Offset, $"Channel {channel.Id} '{channel.TopicName}'",
                    $"refers to schema {channel.SchemaId}, which the file does not define"));
                return;
            }
            if (schema.Encoding != BagMessageDefinition.Ros2Msg)
            {
                _errors.Report(Error(BagErrorKind.UnsupportedSchemaEncoding, schema.Offset, $"Schema {schema.Id} '{schema.Name}'",
                    $"schema encoding '{schema.Encoding}' is not supported (only ros2msg); topic '{channel.TopicName}' cannot be decoded"));
                return;
            }
            definition = new BagMessageDefinition(schema.Name, schema.Encoding, schema.Text);
            type = schema.Name;
        }
        if (_topicsByName.TryGetValue(channel.TopicName, out var existing))
        {
            channel.Topic = existing;
            return;
        }
        IReadOnlyList<BagQosProfile> qos;
        try
        {
            qos = channel.Metadata.TryGetValue(McapFormat.QosMetadataKey, out var q) ? QosYaml.ParseText(q) : [];
        }
        catch (Exception e) when (e is FormatException or YamlDotNet.Core.YamlException or InvalidCastException or KeyNotFoundException)
        {
            _errors.Report(Error(BagErrorKind.InvalidRecord, channel.Offset, $"Channel {channel.Id} '{channel.TopicName}'", "offered_qos_profiles: " + e.Message));
            qos = [];
        }
        var hash = channel.Metadata.TryGetValue(McapFormat.TypeHashMetadataKey, out var h) ? h : "";
        var topic = new BagTopic(channel.TopicName, type, channel.MessageEncoding, qos, hash, definition);
        _topicsByName[topic.Name] = topic;
        _topics.Add(topic);
        channel.Topic = topic;
    }

    private HashSet<ushort> SelectedChannels(BagReadFilter filter) =>
        _channels.Values.Where(c => c.Topic is not null && filter.KeepsTopic(c.TopicName)).Select(c => c.Id).ToHashSet();

    private BagStorageSummary CountByReading()
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        long n = 0, start = long.MaxValue, end = long.MinValue;
        foreach (var m in ReadMessages(BagReadFilter.All))
        {
            n++;
            counts[m.Topic.Name] = counts.GetValueOrDefault(m.Topic.Name) + 1;
            start = Math.Min(start, m.LogTimeNs);
            end = Math.Max(end, m.LogTimeNs);
        }
        return new BagStorageSummary(n, n == 0 ? 0 : start, n == 0 ? 0 : end, counts);
    }
}
