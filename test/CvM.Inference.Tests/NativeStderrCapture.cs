using System.Runtime.InteropServices;

namespace CvM.Inference.Tests;

/// <summary>
/// Redirects the process's native stderr (file descriptor 2, where ONNX Runtime's logger writes) into a temporary
/// file until disposed, then restores it; <see cref="Text"/> holds what was written meanwhile. Process-wide: use it
/// only in tests that do not run in parallel with others that write to stderr and care about it.
/// </summary>
internal sealed partial class NativeStderrCapture : IDisposable
{
    private const int StderrFd = 2;
    private const int OWronly = 1, OCreat = 0x40, OTrunc = 0x200;
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"cvm-stderr-{Guid.NewGuid():N}.txt");
    private readonly int _saved;
    private bool _restored;

    public NativeStderrCapture()
    {
        Console.Error.Flush();
        _saved = Dup(StderrFd);
        if (_saved < 0) throw new InvalidOperationException("dup(2) failed");
        var fd = Open(_path, OWronly | OCreat | OTrunc, 384);
        if (fd < 0 || Dup2(fd, StderrFd) < 0) throw new InvalidOperationException("redirecting stderr failed");
        Close(fd);
    }

    /// <summary>Everything written to fd 2 while captured (available after <see cref="Dispose"/>).</summary>
    public string Text { get; private set; } = string.Empty;

    public void Dispose()
    {
        if (_restored) return;
        _restored = true;
        Dup2(_saved, StderrFd);
        Close(_saved);
        Text = File.ReadAllText(_path);
        File.Delete(_path);
    }

    [LibraryImport("libc", EntryPoint = "dup")]
    private static partial int Dup(int fd);

    [LibraryImport("libc", EntryPoint = "dup2")]
    private static partial int Dup2(int fd, int fd2);

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags, int mode);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int Close(int fd);
}
