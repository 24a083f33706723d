using Microsoft.Win32.SafeHandles;

namespace CvM.Node.Live;

/// <summary>
/// The process's resident set size, read from <c>/proc/self/statm</c> into a reused buffer, so that the
/// <c>/diagnostics</c> message can report it every period without allocating (<see cref="Environment.WorkingSet"/>
/// parses the same file through strings). Elsewhere, or when the file cannot be read, it is
/// <see cref="Environment.WorkingSet"/>. Thread-safe.
/// </summary>
internal static class ResidentSet
{
    private static readonly object Gate = new();
    private static readonly byte[] Buffer = new byte[256];
    private static SafeFileHandle? _statm;

    /// <summary>Resident bytes now.</summary>
    public static long Bytes()
    {
        if (!OperatingSystem.IsLinux()) return Environment.WorkingSet;
        lock (Gate)
        {
            try
            {
                _statm ??= File.OpenHandle("/proc/self/statm");
                int n = RandomAccess.Read(_statm, Buffer, 0);
                // "size resident shared text lib data dt", in pages.
                var fields = Buffer.AsSpan(0, n);
                int space = fields.IndexOf((byte)' ');
                if (space < 0) return Environment.WorkingSet;
                long pages = 0;
                for (int i = space + 1; i < fields.Length && fields[i] is >= (byte)'0' and <= (byte)'9'; i++) pages = pages * 10 + (fields[i] - '0');
                return pages * Environment.SystemPageSize;
            }
            catch (IOException)
            {
                return Environment.WorkingSet;
            }
            catch (UnauthorizedAccessException)
            {
                return Environment.WorkingSet;
            }
        }
    }
}
