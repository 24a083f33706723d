using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace CvM.Inference;

/// <summary>
/// Coordinates and weights of OpenCV's bilinear resize (INTER_LINEAR, pixel centres aligned: source coordinate
/// <c>(x + 0.5) * src / dst - 0.5</c>, clamped at the borders with weight 0) for one source and destination size,
/// applied separably: <see cref="Horizontal"/> resamples one row, <see cref="RowsOf"/> gives the two source rows and
/// weights of a destination row. For upsampling, each block of 8 destination pixels reads a window of at most 8
/// consecutive source pixels, so a block is one load, two in-register permutes and a multiply-add. Allocates its tables
/// once; immutable afterwards (thread-safe to read).
/// </summary>
internal sealed class BilinearTables
{
    private const int Lanes = 8;
    private readonly int[] _x0, _x1, _y0, _y1;
    private readonly float[] _xw0, _xw1, _yw0, _yw1;
    private readonly int[] _blockBase;
    private readonly int[] _blockIdx0, _blockIdx1;
    private readonly bool _blocksUsable;

    public BilinearTables(int srcWidth, int srcHeight, int dstWidth, int dstHeight)
    {
        (SrcWidth, SrcHeight, DstWidth, DstHeight) = (srcWidth, srcHeight, dstWidth, dstHeight);
        (_x0, _x1, _xw0, _xw1) = Axis(srcWidth, dstWidth);
        (_y0, _y1, _yw0, _yw1) = Axis(srcHeight, dstHeight);
        var blocks = dstWidth / Lanes;
        _blockBase = new int[blocks];
        _blockIdx0 = new int[blocks * Lanes];
        _blockIdx1 = new int[blocks * Lanes];
        _blocksUsable = srcWidth >= Lanes;
        for (var b = 0; b < blocks && _blocksUsable; b++)
        {
            var first = b * Lanes;
            var start = Math.Min(_x0[first], srcWidth - Lanes);
            _blockBase[b] = start;
            for (var i = 0; i < Lanes; i++)
            {
                int i0 = _x0[first + i] - start, i1 = _x1[first + i] - start;
                if (i0 is < 0 or >= Lanes || i1 is < 0 or >= Lanes) _blocksUsable = false;
                (_blockIdx0[first + i], _blockIdx1[first + i]) = (i0, i1);
            }
        }
    }

    public int SrcWidth { get; }

    public int SrcHeight { get; }

    public int DstWidth { get; }

    public int DstHeight { get; }

    /// <summary>Source rows and weights of destination row <paramref name="y"/>: <c>dst = w0 * row0 + w1 * row1</c>.</summary>
    public (int Row0, int Row1, float W0, float W1) RowsOf(int y) => (_y0[y], _y1[y], _yw0[y], _yw1[y]);

    /// <summary>Resamples one row of <see cref="SrcWidth"/> values into <see cref="DstWidth"/> values.</summary>
    public void Horizontal(ReadOnlySpan<float> src, Span<float> dst, bool allowSimd = true)
    {
        if (src.Length < SrcWidth || dst.Length < DstWidth) throw new ArgumentException("row too short");
        var x = 0;
        if (allowSimd && _blocksUsable && Avx2.IsSupported)
        {
            var dv = MemoryMarshal.Cast<float, Vector256<float>>(dst[..DstWidth]);
            var w0 = MemoryMarshal.Cast<float, Vector256<float>>(_xw0.AsSpan(0, dv.Length * Lanes));
            var w1 = MemoryMarshal.Cast<float, Vector256<float>>(_xw1.AsSpan(0, dv.Length * Lanes));
            var i0 = MemoryMarshal.Cast<int, Vector256<int>>(_blockIdx0.AsSpan());
            var i1 = MemoryMarshal.Cast<int, Vector256<int>>(_blockIdx1.AsSpan());
            for (var b = 0; b < dv.Length; b++)
            {
                var window = Vector256.Create(src.Slice(_blockBase[b], Lanes));
                dv[b] = Avx2.PermuteVar8x32(window, i0[b]) * w0[b] + Avx2.PermuteVar8x32(window, i1[b]) * w1[b];
            }
            x = dv.Length * Lanes;
        }
        for (; x < DstWidth; x++) dst[x] = src[_x0[x]] * _xw0[x] + src[_x1[x]] * _xw1[x];
    }

    private static (int[] I0, int[] I1, float[] W0, float[] W1) Axis(int src, int dst)
    {
        var (i0, i1, w0, w1) = (new int[dst], new int[dst], new float[dst], new float[dst]);
        var scale = (double)src / dst;
        for (var d = 0; d < dst; d++)
        {
            var f = (float)((d + 0.5) * scale - 0.5);
            var s = (int)MathF.Floor(f);
            f -= s;
            if (s < 0) (s, f) = (0, 0);
            if (s >= src - 1) (s, f) = (src - 1, 0);
            (i0[d], i1[d], w0[d], w1[d]) = (s, Math.Min(s + 1, src - 1), 1f - f, f);
        }
        return (i0, i1, w0, w1);
    }
}
