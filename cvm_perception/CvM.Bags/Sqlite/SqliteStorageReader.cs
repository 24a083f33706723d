using System.Buffers;
using CvM.Bags.Internal;
using Microsoft.Data.Sqlite;

namespace CvM.Bags.Sqlite;

/// <summary>
/// Reads a rosbag2 sqlite3 file (<c>.db3</c>): tables <c>topics</c> and <c>messages</c>, and where present
/// <c>message_definitions</c>, <c>metadata</c> and <c>schema</c> (older schemas lack them and the QoS / hash
/// columns). Messages come ordered by <c>timestamp</c>, then row id. sqlite3 stores no publish time, so
/// <see cref="BagMessage.PublishTimeNs"/> is null. Owns its connection and a pooled data buffer until disposed.
/// </summary>
public sealed partial class SqliteStorageReader : IBagStorageReader
{
    private static ReadOnlySpan<byte> SqliteMagic => "SQLite format 3\0"u8;

    private readonly SqliteConnection _connection;
    private readonly ErrorSink _errors;
    private readonly Dictionary<long, BagTopic> _topicsById = [];
    private readonly List<BagTopic> _topics = [];
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(1 << 16);
    private BagStorageSummary? _summary;

    private SqliteStorageReader(string path, BagReadOptions options, int fileIndex)
    {
        FilePath = path;
        FileIndex = fileIndex;
        _errors = new ErrorSink(options.ErrorMode);
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString());
    }

    /// <summary>Opens <paramref name="path"/>; throws <see cref="BagReadException"/> when it is missing or not a rosbag2 sqlite3 file.</summary>
    public static SqliteStorageReader Open(string path, BagReadOptions? options = null, int fileIndex = 0)
    {
        if (!File.Exists(path))
            throw new BagReadException(new BagReadError(BagErrorKind.MissingFile, path, null, null, "file does not exist"));
        Span<byte> head = stackalloc byte[16];
        using (var f = File.OpenRead(path))
        {
            if (f.ReadAtLeast(head, 16, throwOnEndOfStream: false) < 16 || !head.SequenceEqual(SqliteMagic))
                throw new BagReadException(new BagReadError(BagErrorKind.NotABag, path, 0, "SQLite header",
                    "the file does not start with the SQLite 3 header: not a sqlite3 bag"));
        }
        var reader = new SqliteStorageReader(path, options ?? BagReadOptions.Default, fileIndex);
        try
        {
            reader._connection.Open();
            reader.LoadSchema();
            return reader;
        }
        catch (SqliteException e)
        {
            reader.Dispose();
            throw new BagReadException(new BagReadError(BagErrorKind.NotABag, path, null, "sqlite_master", "SQLite cannot read the file: " + e.Message), e);
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
    public string StorageIdentifier => "sqlite3";

    /// <summary>The <c>schema.schema_version</c> of the file (0 when the table is absent).</summary>
    public int SchemaVersion { get; private set; }

    /// <summary><c>schema.ros_distro</c>, or empty.</summary>
    public string RosDistro { get; private set; } = "";

    /// <summary>The newest row of the <c>metadata</c> table (the bag's metadata as YAML), or null.</summary>
    public string? EmbeddedMetadataYaml { get; private set; }

    /// <inheritdoc/>
    public IReadOnlyList<BagTopic> Topics => _topics;

    /// <inheritdoc/>
    public IReadOnlyList<BagReadError> Errors => _errors.Errors;

    /// <inheritdoc/>
    public void Dispose()
    {
        _connection.Dispose();
        if (_buffer.Length > 0) ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }

    private BagReadError Error(BagErrorKind kind, string record, string detail) => new(kind, FilePath, null, record, detail);

    private HashSet<string> Tables()
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table'";
        using var r = cmd.ExecuteReader();
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (r.Read()) set.Add(r.GetString(0));
        return set;
    }

    private HashSet<string> Columns(string table)
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = $"PRAGMA table_info({table})";
        using var r = cmd.ExecuteReader();
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (r.Read()) set.Add(r.GetString(1));
        return set;
    }

    private void LoadSchema()
    {
        var tables = Tables();
        if (!tables.Contains("topics") || !tables.Contains("messages"))
            throw new BagReadException(Error(BagErrorKind.NotABag, "sqlite_master", "no 'topics' and 'messages' tables: not a rosbag2 sqlite3 file"));
        if (tables.Contains("schema"))
        {
            using var cmd = _connection.CreateCommand();
            cmd.CommandText = "SELECT schema_version, ros_distro FROM schema ORDER BY schema_version DESC LIMIT 1";
            using var r = cmd.ExecuteReader();
            if (r.Read())
            {
                SchemaVersion = r.GetInt32(0);
                RosDistro = r.GetString(1);
            }
        }
        if (tables.Contains("metadata"))
        {
            using var cmd = _connection.CreateCommand();
            cmd.CommandText = "SELECT metadata FROM metadata ORDER BY id DESC LIMIT 1";
            EmbeddedMetadataYaml = cmd.ExecuteScalar() as string;
        }
        var definitions = tables.Contains("message_definitions") ? LoadDefinitions() : [];
        var columns = Columns("topics");
        var hasQos = columns.Contains("offered_qos_profiles");
        var hasHash = columns.Contains("type_description_hash");
        using (var cmd = _connection.CreateCommand())
        {
            cmd.CommandText = "SELECT id, name, type, serialization_format"
                + (hasQos ? ", offered_qos_profiles" : ", ''") + (hasHash ? ", type_description_hash" : ", ''") + " FROM topics ORDER BY id";
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                var id = r.GetInt64(0);
                var name = r.GetString(1);
                var type = r.GetString(2);
                IReadOnlyList<BagQosProfile> qos = [];
                try
                {
                    qos = QosYaml.ParseText(r.IsDBNull(4) ? "" : r.GetString(4));
                }
                catch (Exception e) when (e is FormatException or YamlDotNet.Core.YamlException or InvalidCastException or KeyNotFoundException)
                {
                    _errors.Report(Error(BagErrorKind.InvalidRecord, $"topics row {id} '{name}'", "offered_qos_profiles: " + e.Message));
                }
                definitions.TryGetValue(type, out var definition);
                if (definition is not null && definition.Encoding != BagMessageDefinition.Ros2Msg)
                {
                    if (definition.Encoding is "" or "unknown") definition = null;
                    else
                    {
                        _errors.Report(Error(BagErrorKind.UnsupportedSchemaEncoding, $"message_definitions '{type}'",
                            $"definition encoding '{definition.Encoding}' is not supported (only ros2msg); topic '{name}' cannot be decoded"));
                        continue;
                    }
                }
                var topic = new BagTopic(name, type, r.GetString(3), qos, r.IsDBNull(5) ? "" : r.GetString(5), definition);
                _topicsById[id] = topic;
                _topics.Add(topic);
            }
        }
    }

    private Dictionary<string, BagMessageDefinition> LoadDefinitions()
    {
        var map = new Dictionary<string, BagMessageDefinition>(StringComparer.Ordinal);
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = "SELECT topic_type, encoding, encoded_message_definition FROM message_definitions ORDER BY id";
        using var r = cmd.ExecuteReader();
        while (r.Read())
            map[r.GetString(0)] = new BagMessageDefinition(r.GetString(0), r.GetString(1), r.GetString(2));
        return map;
    }
}
