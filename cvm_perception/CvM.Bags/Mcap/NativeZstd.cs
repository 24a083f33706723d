using System.Runtime.InteropServices;

namespace CvM.Bags.Mcap;

/// <summary>
/// The system's libzstd (Debian's <c>libzstd1</c>, a dependency of dpkg, so present on every Debian machine),
/// several times faster than the managed port. <see cref="TryLoad"/> returns null where it is absent; callers then
/// use ZstdSharp.
/// </summary>
internal sealed unsafe class NativeZstd
{
    private static readonly Lazy<NativeZstd?> Instance = new(Load);

    private readonly delegate* unmanaged<nint> _createDCtx;
    private readonly delegate* unmanaged<nint, nuint> _freeDCtx;
    private readonly delegate* unmanaged<nint, void*, nuint, void*, nuint, nuint> _decompressDCtx;
    private readonly delegate* unmanaged<nuint, uint> _isError;
    private readonly delegate* unmanaged<nuint, byte*> _getErrorName;

    private NativeZstd(nint library)
    {
        _createDCtx = (delegate* unmanaged<nint>)NativeLibrary.GetExport(library, "ZSTD_createDCtx");
        _freeDCtx = (delegate* unmanaged<nint, nuint>)NativeLibrary.GetExport(library, "ZSTD_freeDCtx");
        _decompressDCtx = (delegate* unmanaged<nint, void*, nuint, void*, nuint, nuint>)NativeLibrary.GetExport(library, "ZSTD_decompressDCtx");
        _isError = (delegate* unmanaged<nuint, uint>)NativeLibrary.GetExport(library, "ZSTD_isError");
        _getErrorName = (delegate* unmanaged<nuint, byte*>)NativeLibrary.GetExport(library, "ZSTD_getErrorName");
    }

    /// <summary>The loaded library, or null when no libzstd can be loaded.</summary>
    public static NativeZstd? TryLoad() => Instance.Value;

    private static NativeZstd? Load()
    {
        if (Environment.GetEnvironmentVariable("CVM_BAGS_MANAGED_ZSTD") == "1") return null;
        foreach (var name in new[] { "libzstd.so.1", "libzstd.so", "libzstd.1.dylib", "libzstd.dll" })
        {
            if (!NativeLibrary.TryLoad(name, out var lib)) continue;
            try
            {
                return new NativeZstd(lib);
            }
            catch (EntryPointNotFoundException)
            {
                NativeLibrary.Free(lib);
            }
        }
        return null;
    }

    /// <summary>A new decompression context, owned by the returned handle.</summary>
    public DCtxHandle CreateContext()
    {
        var ptr = _createDCtx();
        if (ptr == 0) throw new OutOfMemoryException("ZSTD_createDCtx failed");
        return new DCtxHandle(this, ptr);
    }

    /// <summary>Decompresses one or more whole frames; returns the byte count or throws <see cref="InvalidDataException"/>.</summary>
    public int Decompress(DCtxHandle context, ReadOnlySpan<byte> source, Span<byte> target)
    {
        nuint result;
        var added = false;
        context.DangerousAddRef(ref added);
        try
        {
            fixed (byte* src = source)
            fixed (byte* dst = target)
                result = _decompressDCtx(context.DangerousGetHandle(), dst, (nuint)target.Length, src, (nuint)source.Length);
        }
        finally
        {
            if (added) context.DangerousRelease();
        }
        if (_isError(result) != 0) throw new InvalidDataException(Marshal.PtrToStringAnsi((nint)_getErrorName(result)) ?? "zstd error");
        return (int)result;
    }

    /// <summary>Owns a <c>ZSTD_DCtx*</c>.</summary>
    internal sealed class DCtxHandle : SafeHandle
    {
        private readonly NativeZstd _library;

        public DCtxHandle(NativeZstd library, nint handle) : base(0, ownsHandle: true)
        {
            _library = library;
            SetHandle(handle);
        }

        public override bool IsInvalid => handle == 0;

        protected override bool ReleaseHandle()
        {
            _library._freeDCtx(handle);
            return true;
        }
    }
}
