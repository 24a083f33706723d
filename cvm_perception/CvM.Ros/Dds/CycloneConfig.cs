using System.Globalization;
using System.Security;

namespace CvM.Ros.Dds;

/// <summary>
/// Cyclone DDS configuration of one domain, rendered as the XML given to <c>dds_create_domain</c>.
/// <see cref="Loopback"/> keeps all traffic on 127.0.0.1 (no multicast, unicast discovery to peer 127.0.0.1,
/// participant index auto so peers on the host find each other's ports).
/// </summary>
public sealed record CycloneConfig(
    string? NetworkInterfaceAddress,
    bool AllowMulticast,
    IReadOnlyList<string> Peers,
    int MaxMessageSizeBytes,
    int MaxAutoParticipantIndex,
    string? SocketReceiveBufferSize = null)
{
    /// <summary>127.0.0.1 only: NetworkInterface 127.0.0.1, AllowMulticast false, Peer 127.0.0.1, MaxMessageSize 65000B.</summary>
    public static CycloneConfig Loopback { get; } = new("127.0.0.1", false, ["127.0.0.1"], 65000, 40, "4MB");

    /// <summary>The <c>&lt;CycloneDDS&gt;</c> XML for <paramref name="domainId"/>.</summary>
    public string ToXml(uint domainId)
    {
        var general = "";
        if (NetworkInterfaceAddress is not null)
            general += $"<Interfaces><NetworkInterface address=\"{Esc(NetworkInterfaceAddress)}\"/></Interfaces>";
        general += $"<AllowMulticast>{(AllowMulticast ? "true" : "false")}</AllowMulticast>";
        general += $"<MaxMessageSize>{MaxMessageSizeBytes.ToString(CultureInfo.InvariantCulture)}B</MaxMessageSize>";
        var peers = string.Concat(Peers.Select(p => $"<Peer address=\"{Esc(p)}\"/>"));
        var discovery = (peers.Length > 0 ? $"<Peers>{peers}</Peers>" : "") +
                        "<ParticipantIndex>auto</ParticipantIndex>" +
                        $"<MaxAutoParticipantIndex>{MaxAutoParticipantIndex.ToString(CultureInfo.InvariantCulture)}</MaxAutoParticipantIndex>";
        var internalCfg = SocketReceiveBufferSize is null ? "" :
            $"<Internal><SocketReceiveBufferSize max=\"{Esc(SocketReceiveBufferSize)}\"/></Internal>";
        return $"<CycloneDDS><Domain id=\"{domainId.ToString(CultureInfo.InvariantCulture)}\"><General>{general}</General>" +
               $"<Discovery>{discovery}</Discovery>{internalCfg}</Domain></CycloneDDS>";
    }

    private static string Esc(string s) => SecurityElement.Escape(s) ?? "";
}
