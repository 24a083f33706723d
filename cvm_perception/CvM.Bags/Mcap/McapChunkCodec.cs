using System.Buffers;
using K4os.Compression.LZ4.Streams;
using ZstdSharp;

namespace CvM.Bags.Mcap;

/// <summary>Decompresses MCAP chunk records (<c>""</c>, <c>zstd</c>, <c>lz4</c> frame). One instance per reader; not thread-safe.</summary>
internal sealed class McapChunkCodec : IDisposable
{
    private readonly Decompressor _zstd = new();
    private readonly NativeZstd? _native;
    private readonly NativeZstd.DCtxHandle? _nativeContext;

    /// <summary>Uses the system's libzstd when <paramref name="preferNative"/> and it loads, else the managed port.</summary>
    public McapChunkCodec(bool preferNative = true)
    {
        _native = preferNative ? NativeZstd.TryLoad() : null;
        _nativeContext = _native?.CreateContext();
    }

    /// <summary>True when zstd chunks go through the system's libzstd rather than the managed port.</summary>
    public bool UsesNativeZstd => _native is not null;
    private readonly ArrayBufferWriter<byte> _lz4Target = new();

    /// <summary>True when <paramref name="compression"/> is one this codec reads.</summary>
    public static bool IsSupported(string compression) => compression is "" or "zstd" or "lz4";

    /// <summary>
    /// Decompresses <paramref name="compressed"/> into exactly <paramref name="target"/> (whose length is the
    /// chunk's uncompressed size). Throws <see cref="InvalidDataException"/> when the data is corrupt or the size differs.
    /// </summary>
    public void Decompress(string compression, ReadOnlySpan<byte> compressed, byte[] target, int uncompressedSize)
    {
        switch (compression)
        {
            case "":
                if (compressed.Length != uncompressedSize)
                    throw new InvalidDataException($"uncompressed chunk holds {compressed.Length} bytes, header says {uncompressedSize}");
                compressed.CopyTo(target);
                return;
            case "zstd":
                int written;
                try
                {
                    written = _native is not null
                        ? _native.Decompress(_nativeContext!, compressed, target.AsSpan(0, uncompressedSize))
                        : _zstd.Unwrap(compressed, target.AsSpan(0, uncompressedSize));
                }
                catch (ZstdException e)
                {
                    throw new InvalidDataException("zstd: " + e.Message, e);
                }
                if (written != uncompressedSize)
                    throw new InvalidDataException($"zstd gave {written} bytes, header says {uncompressedSize}");
                return;
            case "lz4":
                _lz4Target.ResetWrittenCount();
                try
                {
                    LZ4Frame.Decode(compressed, _lz4Target, 0);
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    throw new InvalidDataException("lz4: " + e.Message, e);
                }
                if (_lz4Target.WrittenCount != uncompressedSize)
                    throw new InvalidDataException($"lz4 gave {_lz4Target.WrittenCount} bytes, header says {uncompressedSize}");
                _lz4Target.WrittenSpan.CopyTo(target);
                return;
            default:
                throw new NotSupportedException($"chunk compression '{compression}' is not supported (none, zstd, lz4)");
        }
    }

    public void Dispose()
    {
        _zstd.Dispose();
        _nativeContext?.Dispose();
    }
}
