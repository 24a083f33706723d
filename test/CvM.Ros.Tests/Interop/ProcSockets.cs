using System.Globalization;
using System.Net;

namespace CvM.Ros.Tests.Interop;

/// <summary>
/// The local IPv4/IPv6 addresses of a process's UDP sockets, read from Linux's <c>/proc</c>: the socket inodes
/// behind <c>/proc/PID/fd</c> looked up in <c>/proc/net/udp</c> and <c>/proc/net/udp6</c>.
/// </summary>
internal static class ProcSockets
{
    public static IReadOnlyList<IPEndPoint> UdpEndpointsOf(int pid)
    {
        var inodes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var fd in Directory.EnumerateFileSystemEntries($"/proc/{pid}/fd"))
        {
            var target = new FileInfo(fd).LinkTarget;
            if (target is not null && target.StartsWith("socket:[", StringComparison.Ordinal)) inodes.Add(target[8..^1]);
        }
        var result = new List<IPEndPoint>();
        foreach (var table in new[] { "/proc/net/udp", "/proc/net/udp6" })
        {
            if (!File.Exists(table)) continue;
            foreach (var line in File.ReadLines(table).Skip(1))
            {
                var cols = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (cols.Length < 10 || !inodes.Contains(cols[9])) continue;
                result.Add(Parse(cols[1]));
            }
        }
        return result;
    }

    // "0100007F:1CEB": address bytes in host (little endian) order per 32-bit word, port big endian hex.
    private static IPEndPoint Parse(string local)
    {
        var parts = local.Split(':');
        var hex = parts[0];
        var bytes = new byte[hex.Length / 2];
        for (var word = 0; word < bytes.Length / 4; word++)
            for (var k = 0; k < 4; k++)
                bytes[word * 4 + k] = byte.Parse(hex.AsSpan(word * 8 + (3 - k) * 2, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        return new IPEndPoint(new IPAddress(bytes), int.Parse(parts[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture));
    }
}
