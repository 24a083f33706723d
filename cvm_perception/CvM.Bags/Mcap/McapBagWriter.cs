using System.Buffers;
using System.IO.Hashing;
using CvM.Bags.Internal;
using ZstdSharp;

namespace CvM.Bags.Mcap;

/// <summary>
/// Writes a rosbag2 bag in MCAP storage as <c>ros2 bag record</c> does: a folder with <c>&lt;name&gt;_0.mcap</c>
/// (profile <c>ros2</c>, <c>ros2msg</c> schemas with the full dependency text, channel metadata
/// <c>offered_qos_profiles</c> as YAML, zstd chunks, message indexes, chunk indexes, statistics, summary and
/// summary offsets, all CRCs) and its <c>metadata.yaml</c>. Call <see cref="AddTopic"/> once per topic, then
/// <see cref="Write"/>; <see cref="Dispose"/> finishes the file. The writer copies message bytes; the caller keeps
/// its buffers. Not thread-safe.
/// </summary>
public sealed partial class McapBagWriter : IDisposable
{
    private readonly FileStream _stream;
    private readonly McapBagWriterOptions _options;
    private readonly Crc32 _dataCrc = new();
    private readonly McapRecordBuilder _out = new();
    private readonly McapRecordBuilder _chunk = new();
    private readonly Compressor? _zstd;
    private readonly Dictionary<string, (ushort Channel, BagTopic Topic)> _byTopic = new(StringComparer.Ordinal);
    private readonly List<(ushort Id, BagMessageDefinition Definition)> _schemas = [];
    private readonly List<(ushort Id, ushort SchemaId, BagTopic Topic)> _channels = [];
    private readonly Dictionary<ushort, List<(ulong Time, ulong Offset)>> _chunkIndex = [];
    private readonly Dictionary<ushort, ulong> _channelCounts = [];
    private readonly List<McapChunkIndex> _chunkIndexes = [];
    private byte[] _compressed = [];
    private long _position;
    private long _chunkStart = long.MaxValue, _chunkEnd = long.MinValue;
    private long _messageStart = long.MaxValue, _messageEnd = long.MinValue;
    private ulong _messageCount;
    private bool _finished;

    private McapBagWriter(string directory, string fileName, McapBagWriterOptions options)
    {
        BagDirectory = directory;
        FileName = fileName;
        _options = options;
        _stream = new FileStream(Path.Combine(directory, fileName), FileMode.CreateNew, FileAccess.Write, FileShare.Read, 1 << 20);
        if (options.ZstdLevel > 0) _zstd = new Compressor(options.ZstdLevel);
        _out.Bytes(McapFormat.Magic);
        _out.Begin(McapOpcode.Header);
        _out.String(McapFormat.Ros2Profile);
        _out.String("cvm_perception CvM.Bags");
        _out.End();
        Flush(crc: true);
    }

    /// <summary>
    /// Creates the bag folder <paramref name="bagDirectory"/> (it must not exist or be empty) and its first file,
    /// named after the folder like rosbag2 (<c>&lt;folder&gt;_0.mcap</c>).
    /// </summary>
    public static McapBagWriter Create(string bagDirectory, McapBagWriterOptions? options = null)
    {
        options ??= new McapBagWriterOptions();
        if (options.MetadataVersion is < BagMetadataYaml.OldestVersion or > BagMetadataYaml.LatestVersion)
            throw new ArgumentOutOfRangeException(nameof(options), $"metadata version {options.MetadataVersion} outside {BagMetadataYaml.OldestVersion}..{BagMetadataYaml.LatestVersion}");
        if (options.ChunkSize <= 0) throw new ArgumentOutOfRangeException(nameof(options), "chunk size must be positive");
        if (Directory.Exists(bagDirectory) && Directory.EnumerateFileSystemEntries(bagDirectory).Any())
            throw new IOException($"bag folder '{bagDirectory}' exists and is not empty");
        Directory.CreateDirectory(bagDirectory);
        var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(bagDirectory)));
        return new McapBagWriter(bagDirectory, name + "_0.mcap", options);
    }

    /// <summary>The bag folder.</summary>
    public string BagDirectory { get; }

    /// <summary>The MCAP file's name inside <see cref="BagDirectory"/>.</summary>
    public string FileName { get; }

    /// <summary>
    /// Declares a topic: writes its Schema (the <c>ros2msg</c> definition, which must be given) and Channel records.
    /// </summary>
    public void AddTopic(BagTopic topic)
    {
        ObjectDisposedException.ThrowIf(_finished, this);
        if (_byTopic.ContainsKey(topic.Name)) throw new ArgumentException($"topic '{topic.Name}' was already added", nameof(topic));
        if (topic.Definition is not { Encoding: BagMessageDefinition.Ros2Msg } definition)
            throw new ArgumentException($"topic '{topic.Name}' needs a ros2msg definition (the full text with dependencies)", nameof(topic));
        var schemaIndex = _schemas.FindIndex(s => s.Definition.TypeName == definition.TypeName);
        ushort schemaId;
        if (schemaIndex < 0)
        {
            schemaId = (ushort)(_schemas.Count + 1);
            _schemas.Add((schemaId, definition));
            WriteSchema(_out, schemaId, definition);
        }
        else
        {
            schemaId = _schemas[schemaIndex].Id;
        }
        var channelId = (ushort)(_channels.Count + 1);
        _channels.Add((channelId, schemaId, topic));
        WriteChannel(_out, channelId, schemaId, topic);
        Flush(crc: true);
        _byTopic[topic.Name] = (channelId, topic);
        _channelCounts[channelId] = 0;
    }

    /// <summary>
    /// Appends one message (raw CDR with its encapsulation header) of an added topic. Log times should not
    /// decrease much within a chunk; readers order by log time in any case.
    /// </summary>
    public void Write(string topic, long logTimeNs, ReadOnlySpan<byte> cdr, long? publishTimeNs = null)
    {
        ObjectDisposedException.ThrowIf(_finished, this);
        if (!_byTopic.TryGetValue(topic, out var entry)) throw new ArgumentException($"topic '{topic}' was not added", nameof(topic));
        if (logTimeNs < 0) throw new ArgumentOutOfRangeException(nameof(logTimeNs), "log time must not be negative");
        var offset = (ulong)_chunk.Length;
        _chunk.Begin(McapOpcode.Message);
        _chunk.U16(entry.Channel);
        _chunk.U32((uint)_channelCounts[entry.Channel]);
        _chunk.U64((ulong)logTimeNs);
        _chunk.U64((ulong)(publishTimeNs ?? logTimeNs));
        _chunk.Bytes(cdr);
        _chunk.End();
        if (!_chunkIndex.TryGetValue(entry.Channel, out var list)) _chunkIndex[entry.Channel] = list = [];
        list.Add(((ulong)logTimeNs, offset));
        _channelCounts[entry.Channel]++;
        _messageCount++;
        _chunkStart = Math.Min(_chunkStart, logTimeNs);
        _chunkEnd = Math.Max(_chunkEnd, logTimeNs);
        _messageStart = Math.Min(_messageStart, logTimeNs);
        _messageEnd = Math.Max(_messageEnd, logTimeNs);
        if (_chunk.Length >= _options.ChunkSize) FlushChunk();
    }

    /// <summary>Writes the last chunk, the summary, the footer and <c>metadata.yaml</c>; closes the file.</summary>
    public void Dispose()
    {
        if (_finished) return;
        _finished = true;
        try
        {
            FlushChunk();
            FinishFile();
            File.WriteAllText(Path.Combine(BagDirectory, BagMetadataYaml.FileName), BagMetadataYaml.Serialize(BuildMetadata()));
        }
        finally
        {
            _stream.Dispose();
            _zstd?.Dispose();
            if (_compressed.Length > 0) ArrayPool<byte>.Shared.Return(_compressed);
        }
    }

    /// <summary>Writes <see cref="_out"/> to the file, adding it to the data-section CRC when <paramref name="crc"/>.</summary>
    private void Flush(bool crc)
    {
        var bytes = _out.Written;
        if (crc) _dataCrc.Append(bytes);
        _stream.Write(bytes);
        _position += bytes.Length;
        _out.Clear();
    }

    private static void WriteSchema(McapRecordBuilder b, ushort id, BagMessageDefinition definition)
    {
        b.Begin(McapOpcode.Schema);
        b.U16(id);
        b.String(definition.TypeName);
        b.String(definition.Encoding);
        var text = System.Text.Encoding.UTF8.GetBytes(definition.Text);
        b.U32((uint)text.Length);
        b.Bytes(text);
        b.End();
    }

    private static void WriteChannel(McapRecordBuilder b, ushort id, ushort schemaId, BagTopic topic)
    {
        b.Begin(McapOpcode.Channel);
        b.U16(id);
        b.U16(schemaId);
        b.String(topic.Name);
        b.String(topic.SerializationFormat);
        var metadata = new Dictionary<string, string> { [McapFormat.QosMetadataKey] = QosYaml.ToText(topic.OfferedQosProfiles) };
        if (topic.TypeDescriptionHash.Length > 0) metadata[McapFormat.TypeHashMetadataKey] = topic.TypeDescriptionHash;
        b.StringMap(metadata);
        b.End();
    }
}
