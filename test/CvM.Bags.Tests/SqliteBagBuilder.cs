using Microsoft.Data.Sqlite;

namespace CvM.Bags.Tests;

/// <summary>
/// Writes rosbag2 sqlite3 files the way rosbag2 does (schema version 4 of Iron/Jazzy, or the old schema without
/// message_definitions, QoS and hash columns), straight through SQL: an implementation independent of the reader.
/// </summary>
public static class SqliteBagBuilder
{
    public static void Write(string path, IReadOnlyList<BagTopic> topics, IEnumerable<TestMessage> messages, bool oldSchema = false)
    {
        using var c = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        c.Open();
        void Exec(string sql)
        {
            using var cmd = c.CreateCommand();
            cmd.CommandText = sql;
            cmd.ExecuteNonQuery();
        }
        if (oldSchema)
        {
            Exec("CREATE TABLE topics(id INTEGER PRIMARY KEY, name TEXT NOT NULL, type TEXT NOT NULL, serialization_format TEXT NOT NULL)");
        }
        else
        {
            Exec("CREATE TABLE schema(schema_version INTEGER PRIMARY KEY, ros_distro TEXT NOT NULL)");
            Exec("INSERT INTO schema VALUES (4, 'jazzy')");
            Exec("CREATE TABLE metadata(id INTEGER PRIMARY KEY, metadata_version INTEGER NOT NULL, metadata TEXT NOT NULL)");
            Exec("CREATE TABLE topics(id INTEGER PRIMARY KEY, name TEXT NOT NULL, type TEXT NOT NULL, serialization_format TEXT NOT NULL, offered_qos_profiles TEXT NOT NULL, type_description_hash TEXT NOT NULL)");
            Exec("CREATE TABLE message_definitions(id INTEGER PRIMARY KEY, topic_type TEXT NOT NULL, encoding TEXT NOT NULL, encoded_message_definition TEXT NOT NULL, type_description_hash TEXT NOT NULL)");
        }
        Exec("CREATE TABLE messages(id INTEGER PRIMARY KEY, topic_id INTEGER NOT NULL, timestamp INTEGER NOT NULL, data BLOB NOT NULL)");
        Exec("CREATE INDEX timestamp_idx ON messages (timestamp ASC)");
        using var tx = c.BeginTransaction();
        for (var i = 0; i < topics.Count; i++)
        {
            var t = topics[i];
            using var cmd = c.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = oldSchema
                ? "INSERT INTO topics VALUES ($id, $name, $type, 'cdr')"
                : "INSERT INTO topics VALUES ($id, $name, $type, 'cdr', $qos, $hash)";
            cmd.Parameters.AddWithValue("$id", i + 1);
            cmd.Parameters.AddWithValue("$name", t.Name);
            cmd.Parameters.AddWithValue("$type", t.Type);
            cmd.Parameters.AddWithValue("$qos", QosText(t));
            cmd.Parameters.AddWithValue("$hash", t.TypeDescriptionHash);
            cmd.ExecuteNonQuery();
            if (!oldSchema && t.Definition is { } d)
            {
                using var def = c.CreateCommand();
                def.Transaction = tx;
                def.CommandText = "INSERT INTO message_definitions (topic_type, encoding, encoded_message_definition, type_description_hash) VALUES ($t, $e, $d, $h)";
                def.Parameters.AddWithValue("$t", d.TypeName);
                def.Parameters.AddWithValue("$e", d.Encoding);
                def.Parameters.AddWithValue("$d", d.Text);
                def.Parameters.AddWithValue("$h", t.TypeDescriptionHash);
                def.ExecuteNonQuery();
            }
        }
        var ids = topics.Select((t, i) => (t.Name, i + 1)).ToDictionary(x => x.Name, x => x.Item2);
        foreach (var m in messages)
        {
            using var cmd = c.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = "INSERT INTO messages (topic_id, timestamp, data) VALUES ($t, $ts, $d)";
            cmd.Parameters.AddWithValue("$t", ids[m.Topic]);
            cmd.Parameters.AddWithValue("$ts", m.LogTimeNs);
            cmd.Parameters.AddWithValue("$d", m.Data);
            cmd.ExecuteNonQuery();
        }
        tx.Commit();
    }

    /// <summary>The QoS text as Humble..Iron rosbag2 stores it in the topics table (numeric enums).</summary>
    private static string QosText(BagTopic t)
    {
        var lines = new List<string>();
        foreach (var q in t.OfferedQosProfiles)
        {
            lines.Add($"- history: {(q.History == "keep_all" ? 2 : 1)}");
            lines.Add($"  depth: {q.Depth}");
            lines.Add($"  reliability: {(q.Reliability == "best_effort" ? 2 : 1)}");
            lines.Add($"  durability: {(q.Durability == "transient_local" ? 1 : 2)}");
            foreach (var key in new[] { "deadline", "lifespan" })
                lines.AddRange([$"  {key}:", "    sec: 9223372036", "    nsec: 854775807"]);
            lines.Add("  liveliness: 1");
            lines.AddRange(["  liveliness_lease_duration:", "    sec: 9223372036", "    nsec: 854775807"]);
            lines.Add("  avoid_ros_namespace_conventions: false");
        }
        return string.Join("\n", lines);
    }
}
