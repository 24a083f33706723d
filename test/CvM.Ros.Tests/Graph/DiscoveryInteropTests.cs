using System.Text.Json;
using CvM.Messages.NavMsgs;
using CvM.Messages.SensorMsgs;
using CvM.Ros.Dds;
using CvM.Ros.Graph;
using CvM.Ros.Qos;
using CvM.Ros.Tests.Interop;

namespace CvM.Ros.Tests.Graph;

/// <summary>
/// Acceptance 5 of issue 2: the Fast DDS peer, whose ParticipantEntitiesInfo_ types come from fastddsgen (not
/// from our codec), reads our node's <c>ros_discovery_info</c> and decodes its name, namespace and gids, for
/// Humble's 24-byte and Jazzy's 16-byte Gid. The gids must equal the GUIDs Fast DDS's own built-in discovery
/// reports for our endpoints; removing an endpoint or the node republishes the announcement.
/// </summary>
[Collection(InteropCollection.Name)]
public sealed class DiscoveryInteropTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData("jazzy", 16)]
    [InlineData("humble", 24)]
    public void RosNode_FastDdsDiscoveryReader_DecodesNameNamespaceAndGids(string distroName, int gidSize)
    {
        var (domain, domainText) = LoopbackNodes.NextDomain();
        var gidText = gidSize.ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var peer = FastDdsPeer.Start("discovery", "--domain", domainText, "--gid-size", gidText, "--timeout", "120", "--stdin-quit");
        peer.WaitForEvent("ready", Wait);

        var distro = RosDistro.Parse(distroName);
        using var node = LoopbackNodes.CreateNode(domain, "cvm_graph_probe", "/interop_ns", distro);
        using var writer = node.CreateWriter("image_raw", DdsTypeSupport.For<Image>(), QosProfile.SensorData);
        var reader = node.CreateReader("~/odom", DdsTypeSupport.For<Odometry>(), QosProfile.Default);
        var writerGid = LoopbackNodes.GidHex(writer.Guid, gidSize);
        var readerGid = LoopbackNodes.GidHex(reader.Guid, gidSize);

        var full = peer.WaitFor(l => NodeIn(l, "cvm_graph_probe") is { } n && Count(n, "reader_gids") == 1 && Count(n, "writer_gids") == 1,
            Wait, "announcement with one reader and one writer");
        Assert.Equal(LoopbackNodes.GidHex(node.Participant.Guid, gidSize), full.GetProperty("gid").GetString());
        Assert.Equal(node.Discovery.WriterGuid.ToString(), full.GetProperty("writer_guid").GetString());
        var entry = NodeIn(full, "cvm_graph_probe")!.Value;
        Assert.Equal("/interop_ns", entry.GetProperty("namespace").GetString());
        Assert.Equal([writerGid], Gids(entry, "writer_gids"));
        Assert.Equal([readerGid], Gids(entry, "reader_gids"));

        // The same GUIDs as Fast DDS's built-in discovery saw them, with the ROS topic and type names.
        var ddsWriter = peer.WaitFor(l => Is(l, "endpoint") && l.GetProperty("guid").GetString() == writer.Guid.ToString(), Wait, "writer discovery");
        Assert.Equal("rt/interop_ns/image_raw", ddsWriter.GetProperty("topic").GetString());
        Assert.Equal("sensor_msgs::msg::dds_::Image_", ddsWriter.GetProperty("type").GetString());
        var ddsReader = peer.WaitFor(l => Is(l, "endpoint") && l.GetProperty("guid").GetString() == reader.Guid.ToString(), Wait, "reader discovery");
        Assert.Equal("reader", ddsReader.GetProperty("kind").GetString());
        Assert.Equal("rt/interop_ns/cvm_graph_probe/odom", ddsReader.GetProperty("topic").GetString());
        Assert.Equal("nav_msgs::msg::dds_::Odometry_", ddsReader.GetProperty("type").GetString());
        var participant = peer.WaitFor(l => Is(l, "participant") && l.GetProperty("guid").GetString() == node.Participant.Guid.ToString(),
            Wait, "participant discovery");
        Assert.Equal("enclave=/;", participant.GetProperty("user_data").GetString());

        // Removing an endpoint republishes without it. Only lines printed after the disposal count: the peer may have
        // received the earlier announcements (node alone, node with its writer) too.
        var mark = peer.Lines.Count;
        reader.Dispose();
        var afterRemoval = peer.WaitFor(l => NodeIn(l, "cvm_graph_probe") is { } n && Count(n, "reader_gids") == 0,
            Wait, "announcement after the reader was disposed", mark);
        Assert.Equal([writerGid], Gids(NodeIn(afterRemoval, "cvm_graph_probe")!.Value, "writer_gids"));

        // Disposing the node announces that it left.
        var before = peer.Events("discovery_info").Count;
        mark = peer.Lines.Count;
        node.Dispose();
        peer.WaitFor(l => Is(l, "discovery_info") && l.GetProperty("nodes").GetArrayLength() == 0
                          && l.GetProperty("gid").GetString() == LoopbackNodes.GidHex(node.Participant.Guid, gidSize),
            Wait, "announcement without the node", mark);
        Assert.True(peer.Events("discovery_info").Count > before);

        peer.CloseStdin();
        Assert.Equal(0, peer.WaitForExit(Wait));
        Assert.Empty(peer.Events("take_failed"));
    }

    private static bool Is(JsonElement line, string eventName) =>
        line.TryGetProperty("event", out var e) && e.GetString() == eventName;

    private static JsonElement? NodeIn(JsonElement line, string name)
    {
        if (!Is(line, "discovery_info")) return null;
        foreach (var n in line.GetProperty("nodes").EnumerateArray())
            if (n.GetProperty("name").GetString() == name) return n;
        return null;
    }

    private static int Count(JsonElement node, string property) => node.GetProperty(property).GetArrayLength();

    private static string[] Gids(JsonElement node, string property) =>
        node.GetProperty(property).EnumerateArray().Select(g => g.GetString()!).ToArray();
}
