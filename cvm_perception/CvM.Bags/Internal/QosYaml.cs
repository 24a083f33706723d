using System.Globalization;
using System.Text;
using YamlDotNet.RepresentationModel;

namespace CvM.Bags.Internal;

/// <summary>Reads and writes rosbag2 <c>offered_qos_profiles</c> (YAML text or a YAML sequence; names or the numbers of older bags).</summary>
internal static class QosYaml
{
    private const long NsPerSec = 1_000_000_000;
    private const long InfiniteSec = 9223372036;
    private const long InfiniteNsec = 854775807;

    /// <summary>Parses the YAML text form (empty text gives an empty list).</summary>
    public static IReadOnlyList<BagQosProfile> ParseText(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return [];
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return stream.Documents.Count == 0 ? [] : ParseNode(stream.Documents[0].RootNode);
    }

    /// <summary>Parses either form from a YAML node: a scalar holding YAML text, or a sequence of mappings.</summary>
    public static IReadOnlyList<BagQosProfile> ParseNode(YamlNode node) => node switch
    {
        YamlScalarNode s => ParseText(s.Value),
        YamlSequenceNode seq => seq.Children.OfType<YamlMappingNode>().Select(ParseProfile).ToList(),
        _ => throw new FormatException("offered_qos_profiles is neither text nor a sequence"),
    };

    private static BagQosProfile ParseProfile(YamlMappingNode m)
    {
        string Scalar(string key) => m.Children.TryGetValue(new YamlScalarNode(key), out var v) && v is YamlScalarNode s ? s.Value ?? "" : "";
        long Duration(string key)
        {
            if (!m.Children.TryGetValue(new YamlScalarNode(key), out var v) || v is not YamlMappingNode d) return BagQosProfile.Infinite;
            var sec = long.Parse(((YamlScalarNode)d.Children[new YamlScalarNode("sec")]).Value!, CultureInfo.InvariantCulture);
            var nsec = long.Parse(((YamlScalarNode)d.Children[new YamlScalarNode("nsec")]).Value!, CultureInfo.InvariantCulture);
            if (sec == InfiniteSec && nsec == InfiniteNsec) return BagQosProfile.Infinite;
            if (sec >= long.MaxValue / NsPerSec) return BagQosProfile.Infinite;
            return sec * NsPerSec + nsec;
        }
        var depthText = Scalar("depth");
        return new BagQosProfile(
            History: Name(Scalar("history"), ["system_default", "keep_last", "keep_all", "unknown"]),
            Depth: depthText.Length == 0 ? 0 : int.Parse(depthText, CultureInfo.InvariantCulture),
            Reliability: Name(Scalar("reliability"), ["system_default", "reliable", "best_effort", "unknown", "best_available"]),
            Durability: Name(Scalar("durability"), ["system_default", "transient_local", "volatile", "unknown", "best_available"]),
            DeadlineNs: Duration("deadline"),
            LifespanNs: Duration("lifespan"),
            Liveliness: Name(Scalar("liveliness"), ["system_default", "automatic", "manual_by_node", "manual_by_topic", "unknown", "best_available"]),
            LivelinessLeaseDurationNs: Duration("liveliness_lease_duration"),
            AvoidRosNamespaceConventions: Scalar("avoid_ros_namespace_conventions") is "true" or "True");
    }

    /// <summary>Older bags store rmw enum numbers; newer ones store the lower-case names.</summary>
    private static string Name(string value, string[] byNumber) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= 0 && n < byNumber.Length
            ? byNumber[n]
            : value;

    private static int Number(string name, string[] byNumber)
    {
        var i = Array.IndexOf(byNumber, name);
        return i < 0 ? 0 : i;
    }

    /// <summary>
    /// Writes the profiles as YAML text in the layout of <c>ros2 bag record</c> (MCAP channel metadata and
    /// metadata.yaml before version 9), with <paramref name="indent"/> spaces before every line.
    /// Version 9 and the MCAP channel metadata of Jazzy use names; <paramref name="numeric"/> writes the numbers of older versions.
    /// </summary>
    public static string ToText(IReadOnlyList<BagQosProfile> profiles, int indent = 0, bool numeric = false)
    {
        var sb = new StringBuilder();
        var pad = new string(' ', indent);
        foreach (var p in profiles)
        {
            if (sb.Length > 0) sb.Append('\n');
            string V(string name, string[] table) => numeric ? Number(name, table).ToString(CultureInfo.InvariantCulture) : name;
            sb.Append(pad).Append("- history: ").Append(V(p.History, ["system_default", "keep_last", "keep_all", "unknown"])).Append('\n');
            sb.Append(pad).Append("  depth: ").Append(p.Depth.ToString(CultureInfo.InvariantCulture)).Append('\n');
            sb.Append(pad).Append("  reliability: ").Append(V(p.Reliability, ["system_default", "reliable", "best_effort", "unknown", "best_available"])).Append('\n');
            sb.Append(pad).Append("  durability: ").Append(V(p.Durability, ["system_default", "transient_local", "volatile", "unknown", "best_available"])).Append('\n');
            AppendDuration(sb, pad, "deadline", p.DeadlineNs);
            AppendDuration(sb, pad, "lifespan", p.LifespanNs);
            sb.Append(pad).Append("  liveliness: ").Append(V(p.Liveliness, ["system_default", "automatic", "manual_by_node", "manual_by_topic", "unknown", "best_available"])).Append('\n');
            AppendDuration(sb, pad, "liveliness_lease_duration", p.LivelinessLeaseDurationNs);
            sb.Append(pad).Append("  avoid_ros_namespace_conventions: ").Append(p.AvoidRosNamespaceConventions ? "true" : "false");
        }
        return sb.ToString();
    }

    private static void AppendDuration(StringBuilder sb, string pad, string key, long ns)
    {
        var (sec, nsec) = ns == BagQosProfile.Infinite ? (InfiniteSec, InfiniteNsec) : (ns / NsPerSec, ns % NsPerSec);
        sb.Append(pad).Append("  ").Append(key).Append(":\n");
        sb.Append(pad).Append("    sec: ").Append(sec.ToString(CultureInfo.InvariantCulture)).Append('\n');
        sb.Append(pad).Append("    nsec: ").Append(nsec.ToString(CultureInfo.InvariantCulture)).Append('\n');
    }
}
