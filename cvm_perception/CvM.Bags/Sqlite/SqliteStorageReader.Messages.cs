using System.Buffers;
using Microsoft.Data.Sqlite;

namespace CvM.Bags.Sqlite;

/// <summary>Message queries of the sqlite3 storage.</summary>
public sealed partial class SqliteStorageReader
{
    /// <inheritdoc/>
    public BagStorageSummary GetSummary()
    {
        if (_summary is not null) return _summary;
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        long total = 0, start = long.MaxValue, end = long.MinValue;
        try
        {
            using var cmd = _connection.CreateCommand();
            cmd.CommandText = "SELECT topic_id, COUNT(*), MIN(timestamp), MAX(timestamp) FROM messages GROUP BY topic_id";
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                if (!_topicsById.TryGetValue(r.GetInt64(0), out var topic)) continue;
                var n = r.GetInt64(1);
                counts[topic.Name] = counts.GetValueOrDefault(topic.Name) + n;
                total += n;
                start = Math.Min(start, r.GetInt64(2));
                end = Math.Max(end, r.GetInt64(3));
            }
        }
        catch (SqliteException e)
        {
            throw new BagReadException(Error(BagErrorKind.StorageFailure, "messages", "SQLite failed to count messages: " + e.Message), e);
        }
        return _summary = new BagStorageSummary(total, total == 0 ? 0 : start, total == 0 ? 0 : end, counts);
    }

    /// <inheritdoc/>
    public IEnumerable<BagMessage> ReadMessages(BagReadFilter? filter = null)
    {
        filter ??= BagReadFilter.All;
        var ids = _topicsById.Where(kv => filter.KeepsTopic(kv.Value.Name)).Select(kv => kv.Key).ToList();
        if (ids.Count == 0) yield break;
        using var cmd = _connection.CreateCommand();
        var where = new List<string> { $"topic_id IN ({string.Join(",", ids)})" };
        if (filter.StartTimeNs is { } s)
        {
            where.Add("timestamp >= $start");
            cmd.Parameters.AddWithValue("$start", s);
        }
        if (filter.EndTimeNs is { } e)
        {
            where.Add("timestamp <= $end");
            cmd.Parameters.AddWithValue("$end", e);
        }
        cmd.CommandText = $"SELECT id, topic_id, timestamp, data FROM messages WHERE {string.Join(" AND ", where)} ORDER BY timestamp, id";
        var reader = Execute(cmd);
        if (reader is null) yield break;
        using (reader)
        {
            while (TryNext(reader, out var row))
                yield return new BagMessage(row.Topic, row.Timestamp, null, _buffer.AsMemory(0, row.Length), FileIndex, row.Id);
        }
    }

    private readonly record struct Row(long Id, BagTopic Topic, long Timestamp, int Length);

    private SqliteDataReader? Execute(SqliteCommand cmd)
    {
        try
        {
            return cmd.ExecuteReader();
        }
        catch (SqliteException e)
        {
            _errors.Report(Error(BagErrorKind.StorageFailure, "messages", "SQLite failed to query messages: " + e.Message), e);
            return null;
        }
    }

    /// <summary>Steps to the next row and copies its data into the pooled buffer; false at the end or after a reported fault.</summary>
    private bool TryNext(SqliteDataReader reader, out Row row)
    {
        row = default;
        long id = -1;
        try
        {
            while (reader.Read())
            {
                id = reader.GetInt64(0);
                var topic = _topicsById[reader.GetInt64(1)];
                var length = reader.GetBytes(3, 0, null, 0, 0);
                if (length > int.MaxValue)
                {
                    _errors.Report(Error(BagErrorKind.InvalidRecord, $"messages row {id}", $"message of {length} bytes is too large"));
                    continue;
                }
                if (_buffer.Length < length)
                {
                    ArrayPool<byte>.Shared.Return(_buffer);
                    _buffer = ArrayPool<byte>.Shared.Rent((int)length);
                }
                var read = length == 0 ? 0 : reader.GetBytes(3, 0, _buffer, 0, (int)length);
                row = new Row(id, topic, reader.GetInt64(2), (int)read);
                return true;
            }
            return false;
        }
        catch (SqliteException e)
        {
            _errors.Report(Error(BagErrorKind.StorageFailure, id < 0 ? "messages" : $"messages after row {id}", "SQLite failed while reading messages: " + e.Message), e);
            return false;
        }
    }
}
