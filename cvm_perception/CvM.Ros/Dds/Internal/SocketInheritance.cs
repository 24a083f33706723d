using System.Runtime.InteropServices;

namespace CvM.Ros.Dds.Internal;

/// <summary>
/// Keeps Cyclone's sockets out of child processes. libddsc 0.10 opens its UDP sockets without close-on-exec, so
/// every process this one starts (a tool, a test peer) would inherit them and hold the domain's ports bound after
/// the participant is gone. <see cref="DdsParticipant.Create"/> snapshots the process's socket descriptors before
/// creating the domain and participant and marks the new ones <c>FD_CLOEXEC</c>. Linux only (reads
/// <c>/proc/self/fd</c>); elsewhere, or when <c>/proc</c> is unreadable, it does nothing. Owns no descriptor.
/// </summary>
internal static partial class SocketInheritance
{
    private const int F_GETFD = 1, F_SETFD = 2, FD_CLOEXEC = 1;

    /// <summary>The socket descriptors open in this process now (empty where <c>/proc/self/fd</c> is not readable).</summary>
    public static HashSet<int> SocketDescriptors()
    {
        var result = new HashSet<int>();
        if (!OperatingSystem.IsLinux()) return result;
        try
        {
            foreach (var entry in Directory.EnumerateFileSystemEntries("/proc/self/fd"))
            {
                if (!int.TryParse(Path.GetFileName(entry), out var fd)) continue;
                string? target;
                try
                {
                    target = new FileInfo(entry).LinkTarget;
                }
                catch (IOException)
                {
                    continue; // closed meanwhile
                }
                if (target is not null && target.StartsWith("socket:", StringComparison.Ordinal)) result.Add(fd);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            result.Clear();
        }
        return result;
    }

    /// <summary>Marks close-on-exec every socket opened since <paramref name="before"/> was taken; returns how many it marked.</summary>
    public static int MarkNewSocketsCloseOnExec(HashSet<int> before)
    {
        if (!OperatingSystem.IsLinux()) return 0;
        var marked = 0;
        try
        {
            foreach (var fd in SocketDescriptors())
            {
                if (before.Contains(fd)) continue;
                var flags = Fcntl(fd, F_GETFD, 0);
                if (flags < 0 || (flags & FD_CLOEXEC) != 0) continue;
                if (Fcntl(fd, F_SETFD, flags | FD_CLOEXEC) == 0) marked++;
            }
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // not glibc: leave the descriptors as they are
        }
        return marked;
    }

    [LibraryImport("libc.so.6", EntryPoint = "fcntl")]
    private static partial int Fcntl(int fd, int cmd, int arg);
}
