using System.Globalization;
using System.Text;
using CvM.Bags.Internal;
using YamlDotNet.RepresentationModel;

namespace CvM.Bags;

/// <summary>Parses and writes rosbag2 <c>metadata.yaml</c> (versions 4 to 9) in the layout <c>ros2 bag record</c> writes.</summary>
public static class BagMetadataYaml
{
    /// <summary>The file name inside a bag folder.</summary>
    public const string FileName = "metadata.yaml";

    /// <summary>Oldest version read.</summary>
    public const int OldestVersion = 4;

    /// <summary>Newest version read and the version written by default (rosbag2 of Jazzy).</summary>
    public const int LatestVersion = 9;

    /// <summary>Parses <paramref name="yaml"/>; <paramref name="filePath"/> names the file in errors.</summary>
    /// <exception cref="BagReadException">Kind <see cref="BagErrorKind.InvalidMetadata"/> when malformed or of another version.</exception>
    public static BagMetadata Parse(string yaml, string filePath)
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            if (stream.Documents.Count == 0) throw new FormatException("empty document");
            var root = (YamlMappingNode)stream.Documents[0].RootNode;
            var info = Map(root, "rosbag2_bagfile_information");
            var version = int.Parse(Text(info, "version"), CultureInfo.InvariantCulture);
            if (version < OldestVersion || version > LatestVersion)
                throw new BagReadException(new BagReadError(BagErrorKind.InvalidMetadata, filePath, null, "version",
                    $"metadata version {version} is not supported (supported {OldestVersion}..{LatestVersion})"));
            var topics = Seq(info, "topics_with_message_count").Select(n =>
            {
                var tm = Map((YamlMappingNode)n, "topic_metadata");
                var qos = TryGet(tm, "offered_qos_profiles") is { } q ? QosYaml.ParseNode(q) : [];
                var topic = new BagTopic(Text(tm, "name"), Text(tm, "type"), Text(tm, "serialization_format"), qos,
                    TryText(tm, "type_description_hash") ?? "");
                return new BagTopicInformation(topic, Long(Text((YamlMappingNode)n, "message_count")));
            }).ToList();
            var files = TryGet(info, "files") is YamlSequenceNode fs
                ? fs.Children.Cast<YamlMappingNode>().Select(f => new BagFileInformation(
                    Text(f, "path"),
                    Long(Text(Map(f, "starting_time"), "nanoseconds_since_epoch")),
                    Long(Text(Map(f, "duration"), "nanoseconds")),
                    Long(Text(f, "message_count")))).ToList()
                : [];
            var custom = new Dictionary<string, string>();
            if (TryGet(info, "custom_data") is YamlMappingNode cd)
                foreach (var (k, v) in cd.Children) custom[((YamlScalarNode)k).Value!] = (v as YamlScalarNode)?.Value ?? "";
            return new BagMetadata
            {
                Version = version,
                StorageIdentifier = Text(info, "storage_identifier"),
                DurationNs = Long(Text(Map(info, "duration"), "nanoseconds")),
                StartingTimeNs = Long(Text(Map(info, "starting_time"), "nanoseconds_since_epoch")),
                MessageCount = Long(Text(info, "message_count")),
                TopicsWithMessageCount = topics,
                CompressionFormat = TryText(info, "compression_format") ?? "",
                CompressionMode = TryText(info, "compression_mode") ?? "",
                RelativeFilePaths = Seq(info, "relative_file_paths").Select(n => ((YamlScalarNode)n).Value ?? "").ToList(),
                Files = files,
                CustomData = custom,
                RosDistro = TryText(info, "ros_distro") ?? "",
            };
        }
        catch (BagReadException)
        {
            throw;
        }
        catch (Exception e) when (e is FormatException or InvalidCastException or KeyNotFoundException or YamlDotNet.Core.YamlException or OverflowException)
        {
            throw new BagReadException(new BagReadError(BagErrorKind.InvalidMetadata, filePath, null, "rosbag2_bagfile_information", e.Message), e);
        }
    }

    /// <summary>Reads and parses <c>metadata.yaml</c> of the bag folder <paramref name="bagDirectory"/>.</summary>
    public static BagMetadata Load(string bagDirectory)
    {
        var path = Path.Combine(bagDirectory, FileName);
        if (!File.Exists(path))
            throw new BagReadException(new BagReadError(BagErrorKind.MissingFile, path, null, null, "the bag folder has no metadata.yaml"));
        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>
    /// Writes <paramref name="metadata"/> as YAML in the layout and field set of its <see cref="BagMetadata.Version"/>
    /// (QoS as text before version 9, as a sequence from 9; <c>files</c> from 5; <c>custom_data</c> from 6;
    /// <c>type_description_hash</c> from 7; <c>ros_distro</c> from 8).
    /// </summary>
    public static string Serialize(BagMetadata metadata)
    {
        var v = metadata.Version;
        var sb = new StringBuilder();
        sb.Append("rosbag2_bagfile_information:\n");
        sb.Append("  version: ").Append(v.ToString(CultureInfo.InvariantCulture)).Append('\n');
        sb.Append("  storage_identifier: ").Append(metadata.StorageIdentifier).Append('\n');
        sb.Append("  duration:\n    nanoseconds: ").Append(N(metadata.DurationNs)).Append('\n');
        sb.Append("  starting_time:\n    nanoseconds_since_epoch: ").Append(N(metadata.StartingTimeNs)).Append('\n');
        sb.Append("  message_count: ").Append(N(metadata.MessageCount)).Append('\n');
        sb.Append("  topics_with_message_count:\n");
        foreach (var t in metadata.TopicsWithMessageCount)
        {
            sb.Append("    - topic_metadata:\n");
            sb.Append("        name: ").Append(Quote(t.Topic.Name)).Append('\n');
            sb.Append("        type: ").Append(t.Topic.Type).Append('\n');
            sb.Append("        serialization_format: ").Append(t.Topic.SerializationFormat).Append('\n');
            if (v >= 9)
            {
                if (t.Topic.OfferedQosProfiles.Count == 0) sb.Append("        offered_qos_profiles: []\n");
                else sb.Append("        offered_qos_profiles:\n").Append(QosYaml.ToText(t.Topic.OfferedQosProfiles, 10)).Append('\n');
            }
            else
            {
                var text = QosYaml.ToText(t.Topic.OfferedQosProfiles, 0, numeric: true);
                sb.Append("        offered_qos_profiles: ").Append(text.Length == 0 ? "\"\"" : "\"" + Escape(text) + "\"").Append('\n');
            }
            if (v >= 7) sb.Append("        type_description_hash: ").Append(Quote(t.Topic.TypeDescriptionHash)).Append('\n');
            sb.Append("      message_count: ").Append(N(t.MessageCount)).Append('\n');
        }
        sb.Append("  compression_format: ").Append(Quote(metadata.CompressionFormat)).Append('\n');
        sb.Append("  compression_mode: ").Append(Quote(metadata.CompressionMode)).Append('\n');
        sb.Append("  relative_file_paths:\n");
        foreach (var p in metadata.RelativeFilePaths) sb.Append("    - ").Append(Quote(p)).Append('\n');
        if (v >= 5)
        {
            sb.Append("  files:\n");
            foreach (var f in metadata.Files)
            {
                sb.Append("    - path: ").Append(Quote(f.Path)).Append('\n');
                sb.Append("      starting_time:\n        nanoseconds_since_epoch: ").Append(N(f.StartingTimeNs)).Append('\n');
                sb.Append("      duration:\n        nanoseconds: ").Append(N(f.DurationNs)).Append('\n');
                sb.Append("      message_count: ").Append(N(f.MessageCount)).Append('\n');
            }
        }
        if (v >= 6)
        {
            if (metadata.CustomData.Count == 0) sb.Append("  custom_data: ~\n");
            else
            {
                sb.Append("  custom_data:\n");
                foreach (var (k, val) in metadata.CustomData.OrderBy(kv => kv.Key, StringComparer.Ordinal))
                    sb.Append("    ").Append(Quote(k)).Append(": ").Append(Quote(val)).Append('\n');
            }
        }
        if (v >= 8) sb.Append("  ros_distro: ").Append(Quote(metadata.RosDistro)).Append('\n');
        return sb.ToString();
    }

    private static string N(long x) => x.ToString(CultureInfo.InvariantCulture);

    private static string Quote(string s) =>
        s.Length == 0 ? "\"\"" : s.Any(c => c is ':' or '#' or '"' or '\'' or '\n' or '{' or '}' or '[' or ']' or ',' or '&' or '*' or '!' or '|' or '>' or '%' or '@' or '`') || s != s.Trim()
            ? "\"" + Escape(s) + "\""
            : s;

    private static string Escape(string s) => s.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n");

    private static YamlNode? TryGet(YamlMappingNode m, string key) =>
        m.Children.TryGetValue(new YamlScalarNode(key), out var v) ? v : null;

    private static YamlMappingNode Map(YamlMappingNode m, string key) =>
        TryGet(m, key) as YamlMappingNode ?? throw new FormatException($"'{key}' is missing or not a mapping");

    private static IEnumerable<YamlNode> Seq(YamlMappingNode m, string key) => TryGet(m, key) switch
    {
        YamlSequenceNode s => s.Children,
        YamlScalarNode { Value: null or "" or "~" or "null" } => [],
        null => throw new FormatException($"'{key}' is missing"),
        _ => throw new FormatException($"'{key}' is not a sequence"),
    };

    private static string Text(YamlMappingNode m, string key) =>
        TryText(m, key) ?? throw new FormatException($"'{key}' is missing");

    private static string? TryText(YamlMappingNode m, string key) => TryGet(m, key) is YamlScalarNode s ? s.Value ?? "" : null;

    private static long Long(string s) => long.Parse(s, NumberStyles.Integer, CultureInfo.InvariantCulture);
}
