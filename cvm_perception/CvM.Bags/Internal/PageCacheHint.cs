using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace CvM.Bags.Internal;

/// <summary>
/// Tells the kernel which byte ranges of a file are about to be read (<c>posix_fadvise(POSIX_FADV_WILLNEED)</c>), so
/// that the disk reads of the next chunks run in the background while the current ones are decompressed. The bag
/// file is opened for random access (<c>POSIX_FADV_RANDOM</c>: no speculative read-ahead, right for seeks), so
/// without the hint every chunk's read waits on the disk. Linux only; elsewhere, or when the call fails, it does
/// nothing (a hint never changes what is read).
/// </summary>
internal static partial class PageCacheHint
{
    private const int PosixFadviseWillNeed = 3;

    [LibraryImport("libc", EntryPoint = "posix_fadvise")]
    private static partial int PosixFadvise(SafeFileHandle fd, long offset, long length, int advice);

    private static bool _unavailable = !OperatingSystem.IsLinux();

    /// <summary>Starts reading <c>[offset, offset + length)</c> into the page cache; true when the kernel took the hint.</summary>
    public static bool WillNeed(SafeFileHandle file, long offset, long length)
    {
        if (_unavailable || offset < 0 || length <= 0) return false;
        try
        {
            return PosixFadvise(file, offset, length, PosixFadviseWillNeed) == 0;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            _unavailable = true;
            return false;
        }
    }
}
