using System.Globalization;

namespace CvM.Ros.Tests.Dds;

/// <summary>
/// Cyclone (libddsc 0.10) opens its UDP sockets without close-on-exec; the binding marks them so that processes
/// started while a participant lives (test peers, tools) do not inherit them. Checked from <c>/proc</c>: the sockets
/// bound to the participant's domain ports carry <c>O_CLOEXEC</c> in <c>/proc/self/fdinfo</c>.
/// </summary>
public sealed class SocketInheritanceTests
{
    private const int OCloexec = 0x80000; // 02000000 octal, as fdinfo prints flags

    [Fact]
    public void Create_Participant_ItsDomainSocketsAreCloseOnExec()
    {
        using var p = LoopbackDomain.Participant(LoopbackDomain.NextId());
        // RTPS port mapping: every port of domain d lies in [7400 + 250 d, 7400 + 250 (d + 1)).
        var low = 7400 + 250 * (int)p.DomainId;
        var domainSockets = OwnUdpSockets().Where(s => s.Port >= low && s.Port < low + 250).ToList();
        Assert.NotEmpty(domainSockets);
        Assert.All(domainSockets, s => Assert.True((s.Flags & OCloexec) != 0, $"fd {s.Fd} (port {s.Port}) flags {Convert.ToString(s.Flags, 8)}"));
    }

    private sealed record Socket(int Fd, int Port, int Flags);

    private static List<Socket> OwnUdpSockets()
    {
        var portByInode = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var table in new[] { "/proc/net/udp", "/proc/net/udp6" })
        {
            if (!File.Exists(table)) continue;
            foreach (var line in File.ReadLines(table).Skip(1))
            {
                var cols = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (cols.Length < 10) continue;
                portByInode[cols[9]] = int.Parse(cols[1].Split(':')[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            }
        }
        var result = new List<Socket>();
        foreach (var entry in Directory.EnumerateFileSystemEntries("/proc/self/fd"))
        {
            string? target;
            try
            {
                target = new FileInfo(entry).LinkTarget;
            }
            catch (IOException)
            {
                continue;
            }
            if (target is null || !target.StartsWith("socket:[", StringComparison.Ordinal)) continue;
            if (!portByInode.TryGetValue(target[8..^1], out var port)) continue;
            var fd = int.Parse(Path.GetFileName(entry), CultureInfo.InvariantCulture);
            string[] info;
            try
            {
                info = File.ReadAllLines($"/proc/self/fdinfo/{fd}");
            }
            catch (IOException)
            {
                continue;
            }
            var flags = info.First(l => l.StartsWith("flags:", StringComparison.Ordinal))["flags:".Length..].Trim();
            result.Add(new Socket(fd, port, Convert.ToInt32(flags, 8)));
        }
        return result;
    }
}
