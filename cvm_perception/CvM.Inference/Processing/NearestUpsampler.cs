using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace CvM.Inference;

/// <summary>
/// Pixel-centre nearest-neighbour resampling from a source grid to a destination grid: destination pixel
/// <c>(x, y)</c> takes the source pixel under its centre, <c>sx = floor((x + 0.5) * srcW / dstW)</c> (exact integer
/// arithmetic, so no rounding ties are decided by float error), clamped to the source. A destination row whose source
/// row equals the previous row's is a copy of that row, so upsampling costs one gather per source row plus row copies.
/// Tables are built for one destination size and rebuilt (allocating) only when it changes. Owns its tables; not
/// thread-safe.
/// </summary>
internal sealed class NearestUpsampler
{
    private readonly int _srcW, _srcH;
    private int[] _xMap = [], _yMap = [];

    public NearestUpsampler(int srcWidth, int srcHeight)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(srcWidth);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(srcHeight);
        (_srcW, _srcH) = (srcWidth, srcHeight);
    }

    /// <summary>Source column of destination column <paramref name="x"/> for a destination <paramref name="dstSize"/> wide.</summary>
    public static int SourceIndex(int x, int srcSize, int dstSize) => (int)Math.Min(srcSize - 1, (2L * x + 1) * srcSize / (2L * dstSize));

    /// <summary>
    /// Resamples <paramref name="src"/> (<c>srcH x srcW x channels</c>, row-major, interleaved) into <paramref name="dst"/>
    /// (<c>dstH x dstW x channels</c>). Allocation-free while the destination size stays the same.
    /// </summary>
    public void Run<T>(ReadOnlySpan<T> src, Span<T> dst, int dstW, int dstH, int channels) where T : unmanaged
    {
        if (src.Length < _srcW * _srcH * channels || dst.Length < dstW * dstH * channels) throw new ArgumentException("buffer too short");
        EnsureTables(dstW, dstH);
        var xMap = _xMap.AsSpan();
        var rowLen = dstW * channels;
        var previous = -1;
        for (var y = 0; y < dstH; y++)
        {
            var sy = _yMap[y];
            var row = dst.Slice(y * rowLen, rowLen);
            if (sy == previous)
            {
                dst.Slice((y - 1) * rowLen, rowLen).CopyTo(row);
                continue;
            }
            previous = sy;
            Gather(src.Slice(sy * _srcW * channels, _srcW * channels), row, xMap, channels);
        }
    }

    private static void Gather<T>(ReadOnlySpan<T> srcRow, Span<T> row, ReadOnlySpan<int> xMap, int channels) where T : unmanaged
    {
        if (channels == 1)
        {
            for (var x = 0; x < xMap.Length; x++) row[x] = srcRow[xMap[x]];
        }
        else if (channels == 3 && typeof(T) == typeof(byte))
        {
            Gather3Bytes(MemoryMarshal.Cast<T, byte>(srcRow), MemoryMarshal.Cast<T, byte>(row), xMap);
        }
        else if (channels == 3)
        {
            for (int x = 0, o = 0; x < xMap.Length; x++, o += 3)
            {
                var s = 3 * xMap[x];
                row[o] = srcRow[s];
                row[o + 1] = srcRow[s + 1];
                row[o + 2] = srcRow[s + 2];
            }
        }
        else
        {
            for (var x = 0; x < xMap.Length; x++) srcRow.Slice(channels * xMap[x], channels).CopyTo(row.Slice(channels * x, channels));
        }
    }

    /// <summary>
    /// 3-byte pixels moved as one 4-byte load and store each (the 4th byte lands on the next pixel, which is written
    /// after it); the pixels whose 4 bytes would leave the source or destination row are moved byte by byte.
    /// </summary>
    private static void Gather3Bytes(ReadOnlySpan<byte> srcRow, Span<byte> row, ReadOnlySpan<int> xMap)
    {
        ref var src = ref MemoryMarshal.GetReference(srcRow);
        ref var dst = ref MemoryMarshal.GetReference(row);
        var n = xMap.Length;
        for (int x = 0, o = 0; x < n; x++, o += 3)
        {
            var s = 3 * xMap[x];
            if (s + 4 <= srcRow.Length && o + 4 <= row.Length)
            {
                Unsafe.WriteUnaligned(ref Unsafe.Add(ref dst, o), Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref src, s)));
            }
            else
            {
                row[o] = srcRow[s];
                row[o + 1] = srcRow[s + 1];
                row[o + 2] = srcRow[s + 2];
            }
        }
    }

    private void EnsureTables(int dstW, int dstH)
    {
        if (_xMap.Length == dstW && _yMap.Length == dstH) return;
        _xMap = new int[dstW];
        _yMap = new int[dstH];
        for (var x = 0; x < dstW; x++) _xMap[x] = SourceIndex(x, _srcW, dstW);
        for (var y = 0; y < dstH; y++) _yMap[y] = SourceIndex(y, _srcH, dstH);
    }
}
