using System.Globalization;
using CvM.Ros.Dds;
using CvM.Ros.Graph;
using CvM.TestSupport;

namespace CvM.Ros.Tests.Interop;

/// <summary>Nodes and peers of one test on a fresh DDS domain, all traffic on 127.0.0.1.</summary>
internal static class LoopbackNodes
{
    /// <summary>A new domain id (DomainIds) and its decimal text for the peer's command line.</summary>
    public static (uint Domain, string Text) NextDomain()
    {
        var id = (uint)DomainIds.Next();
        return (id, id.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>A node on <paramref name="domain"/> with the loopback Cyclone configuration.</summary>
    public static RosNode CreateNode(uint domain, string name, string nodeNamespace, RosDistro distro) =>
        RosNode.Create(name, nodeNamespace, new RosNodeOptions(new DdsParticipantOptions(domain, CycloneConfig.Loopback), distro));

    /// <summary>The gid hex the Fast DDS peer prints for a GUID: 32 hex digits, plus 16 zeros for 24-byte gids.</summary>
    public static string GidHex(DdsGuid guid, int gidSize) => guid + new string('0', 2 * (gidSize - DdsGuid.Size));
}
