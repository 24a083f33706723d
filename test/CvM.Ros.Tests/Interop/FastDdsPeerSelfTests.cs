namespace CvM.Ros.Tests.Interop;

/// <summary>
/// Checks of the test peer itself, so that a failure of the interop tests points at our code and not at the
/// peer: its hash equals ours, and two peers exchange images byte-exact on loopback.
/// </summary>
[Collection(InteropCollection.Name)]
public sealed class FastDdsPeerSelfTests
{
    [Theory]
    [InlineData("", "cbf29ce484222325")]
    [InlineData("a", "af63dc4c8601ec8c")]
    [InlineData("foobar", "85944171f73967e8")]
    public void Fnv1a64_PublishedVectors_MatchReference(string text, string expected)
    {
        Assert.Equal(expected, Fnv1a64.Hex(System.Text.Encoding.ASCII.GetBytes(text)));
    }

    [Fact]
    public void Peer_UdpSockets_AreAllBoundTo127001()
    {
        var domain = CvM.TestSupport.DomainIds.Next().ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var peer = FastDdsPeer.Start("discovery", "--domain", domain, "--timeout", "30", "--stdin-quit");
        peer.WaitForEvent("ready", TimeSpan.FromSeconds(30));
        var sockets = ProcSockets.UdpEndpointsOf(peer.ProcessId);
        peer.CloseStdin();
        Assert.Equal(0, peer.WaitForExit(TimeSpan.FromSeconds(30)));

        Assert.NotEmpty(sockets);
        Assert.All(sockets, s => Assert.Equal(System.Net.IPAddress.Loopback, s.Address));
    }

    [Fact]
    public void PeerToPeer_ReliableImages_ArriveByteExactWithMetadata()
    {
        var domain = CvM.TestSupport.DomainIds.Next().ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var sub = FastDdsPeer.Start("sub-images", "--domain", domain, "--count", "10", "--reliability", "reliable",
            "--timeout", "30", "--topic", "rt/peer_self/image");
        sub.WaitForEvent("ready", TimeSpan.FromSeconds(30));
        using var pub = FastDdsPeer.Start("pub-images", "--domain", domain, "--count", "10", "--reliability", "reliable",
            "--timeout", "30", "--topic", "rt/peer_self/image", "--seed", "7");
        Assert.Equal(0, pub.WaitForExit(TimeSpan.FromSeconds(40)));
        Assert.Equal(0, sub.WaitForExit(TimeSpan.FromSeconds(40)));

        var sent = pub.Events("sent");
        var received = sub.Events("image");
        Assert.Equal(10, sent.Count);
        Assert.Equal(10, received.Count);
        foreach (var (s, r) in sent.Zip(received))
        {
            foreach (var field in new[] { "fnv1a64", "sec", "nanosec", "width", "height", "step", "encoding", "frame_id", "size" })
                Assert.Equal(s.GetProperty(field).GetRawText(), r.GetProperty(field).GetRawText());
        }
        Assert.Equal(640 * 480 * 3, sent[0].GetProperty("size").GetInt32());
        Assert.NotEqual(sent[0].GetProperty("fnv1a64").GetString(), sent[1].GetProperty("fnv1a64").GetString());
    }
}
