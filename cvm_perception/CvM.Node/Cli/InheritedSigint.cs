using System.Runtime.InteropServices;

namespace CvM.Node.Cli;

/// <summary>
/// Undoes an inherited "ignore SIGINT". A process started by a non-interactive shell as a background job (or under
/// <c>nohup</c>) inherits SIGINT set to ignored, and the .NET runtime keeps an ignored SIGINT: its handlers, and so
/// <see cref="PosixSignalRegistration"/>, never see the signal. <c>ros2 launch</c> stops nodes with SIGINT first, so
/// such a node would run on until the later SIGTERM. rclcpp installs its SIGINT handler whatever the inherited
/// disposition; the node does the same by setting an ignored SIGINT back to the default before it registers its
/// handler. A SIGINT that is not ignored is left alone (the runtime may already own it). Linux only.
/// </summary>
internal static partial class InheritedSigint
{
    private const int Sigint = 2;
    private const nint SigIgn = 1;

    // struct sigaction is 152 bytes on x86-64 and aarch64 glibc, sa_handler first; the buffers leave room.
    private const int SigactionBufferBytes = 256;

    [LibraryImport("libc", EntryPoint = "sigaction", SetLastError = true)]
    private static unsafe partial int SigAction(int signal, byte* action, byte* oldAction);

    /// <summary>True when SIGINT was ignored and is now back to its default (so the runtime can handle it).</summary>
    public static unsafe bool RestoreIfIgnored()
    {
        if (!OperatingSystem.IsLinux()) return false;
        byte* old = stackalloc byte[SigactionBufferBytes];
        new Span<byte>(old, SigactionBufferBytes).Clear();
        if (SigAction(Sigint, null, old) != 0 || *(nint*)old != SigIgn) return false;
        byte* action = stackalloc byte[SigactionBufferBytes];
        new Span<byte>(action, SigactionBufferBytes).Clear(); // SIG_DFL, empty mask, no flags
        return SigAction(Sigint, action, null) == 0;
    }

    /// <summary>Whether SIGINT is ignored in this process now (tests).</summary>
    internal static unsafe bool IsIgnored()
    {
        if (!OperatingSystem.IsLinux()) return false;
        byte* old = stackalloc byte[SigactionBufferBytes];
        new Span<byte>(old, SigactionBufferBytes).Clear();
        return SigAction(Sigint, null, old) == 0 && *(nint*)old == SigIgn;
    }
}
