using System.Text.Json;
using CvM.Ros.Graph;

namespace CvM.Ros.Tests.Interop;

/// <summary>
/// Acceptance 10 of issue 2, seen from outside: the locators our participant (Cyclone with
/// <see cref="CvM.Ros.Dds.CycloneConfig.Loopback"/>) advertises in discovery, as the independent Fast DDS peer
/// decodes them, are all 127.0.0.1, so no peer ever sends our traffic anywhere else. The peer's own sockets are
/// checked in <see cref="FastDdsPeerSelfTests"/>.
/// </summary>
[Collection(InteropCollection.Name)]
public sealed class LoopbackTrafficTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public void LoopbackParticipant_SeenByFastDds_AdvertisesOnly127001Locators()
    {
        var (domain, domainText) = LoopbackNodes.NextDomain();
        using var peer = FastDdsPeer.Start("discovery", "--domain", domainText, "--timeout", "60", "--stdin-quit");
        peer.WaitForEvent("ready", Wait);
        using var node = LoopbackNodes.CreateNode(domain, "cvm_loopback_probe", "/", RosDistro.Jazzy);
        var guid = node.Participant.Guid.ToString();
        var seen = peer.WaitFor(l => l.GetProperty("event").GetString() == "participant" && l.GetProperty("guid").GetString() == guid,
            Wait, "Fast DDS to discover our participant");

        var metatraffic = Strings(seen.GetProperty("metatraffic_locators"));
        var user = Strings(seen.GetProperty("default_locators"));
        Assert.NotEmpty(metatraffic);
        Assert.NotEmpty(user);
        Assert.All(metatraffic.Concat(user), l => Assert.StartsWith("127.0.0.1:", l, StringComparison.Ordinal));

        peer.CloseStdin();
        Assert.Equal(0, peer.WaitForExit(Wait));
    }

    private static string[] Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToArray();
}
