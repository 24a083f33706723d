using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace CvM.Inference;

/// <summary>
/// Area-average downsampling (what OpenCV's INTER_AREA does when shrinking: each destination pixel is the mean of the
/// source area it covers, fractional coverage at its borders) of interleaved 8- or 16-bit pixels straight into planar
/// float sums, separably: a vectorised vertical pass sums the covering source rows of one destination row into a float
/// row (all rows at once, in registers), then a horizontal pass sums the covered columns per channel. Weights are
/// coverages in source pixels, so for integer factors every weight is 1 and the sums are exact integers; divide by
/// <see cref="Area"/> for the mean. Unlike OpenCV's 8-bit resize nothing is rounded to 8 bits. Tables are built per
/// source size (allocating only when it changes). Owns its tables and row buffer; not thread-safe.
/// </summary>
internal sealed unsafe class AreaDownsampler
{
    /// <summary>Most source rows per destination row summed in registers (more falls back to the scalar path).</summary>
    private const int MaxVectorTaps = 32;

    private readonly int _dstW, _dstH;
    private int _srcW = -1, _srcH = -1;
    private int[] _vFirst = [], _vCount = [], _vOffset = [], _hFirst = [], _hCount = [], _hOffset = [];
    private float[] _vWeights = [], _hWeights = [];
    private float[] _accRow = [];

    public AreaDownsampler(int dstWidth, int dstHeight) => (_dstW, _dstH) = (dstWidth, dstHeight);

    /// <summary>Source pixels per destination pixel for the last source size (the divisor of the sums).</summary>
    public float Area { get; private set; }

    /// <summary>True when a <paramref name="srcW"/> x <paramref name="srcH"/> source can be downsampled (not smaller than the destination).</summary>
    public bool Accepts(int srcW, int srcH) => srcW >= _dstW && srcH >= _dstH;

    /// <summary>
    /// Sums of 8-bit pixels of <paramref name="cn"/> channels, rows <paramref name="step"/> bytes apart; channel
    /// <paramref name="c0"/> goes to <paramref name="p0"/> and so on (for <paramref name="cn"/> 1 only p0 is written).
    /// </summary>
    public void Run(ReadOnlySpan<byte> src, int step, int srcW, int srcH, int cn, int c0, int c1, int c2, Span<float> p0, Span<float> p1, Span<float> p2)
    {
        Prepare(srcW, srcH, cn);
        var rowLen = srcW * cn;
        var acc = _accRow.AsSpan(0, rowLen);
        var rows = stackalloc byte*[MaxVectorTaps];
        fixed (byte* basePtr = src)
        {
            for (var v = 0; v < _dstH; v++)
            {
                int first = _vFirst[v], count = _vCount[v];
                var weights = _vWeights.AsSpan(_vOffset[v], count);
                var x = 0;
                if (Avx2.IsSupported && count <= MaxVectorTaps)
                {
                    // All covering rows at once per 8 values: the sum stays in a register.
                    for (var t = 0; t < count; t++) rows[t] = basePtr + (long)(first + t) * step;
                    var accV = MemoryMarshal.Cast<float, Vector256<float>>(acc);
                    for (var k = 0; k < accV.Length; k++)
                    {
                        var sum = Avx.ConvertToVector256Single(Avx2.ConvertToVector256Int32(rows[0] + 8 * k)) * Vector256.Create(weights[0]);
                        for (var t = 1; t < count; t++)
                            sum += Avx.ConvertToVector256Single(Avx2.ConvertToVector256Int32(rows[t] + 8 * k)) * Vector256.Create(weights[t]);
                        accV[k] = sum;
                    }
                    x = accV.Length * 8;
                }
                for (var t = 0; t < count; t++)
                {
                    var row = src.Slice((first + t) * step, rowLen);
                    for (var i = x; i < rowLen; i++) acc[i] = t == 0 ? row[i] * weights[t] : acc[i] + row[i] * weights[t];
                }
                Horizontal(acc, cn, c0, c1, c2, v, p0, p1, p2);
            }
        }
    }

    /// <summary>Sums of single-channel 16-bit pixels (host order), rows <paramref name="stepElements"/> values apart, into <paramref name="p0"/>.</summary>
    public void Run(ReadOnlySpan<ushort> src, int stepElements, int srcW, int srcH, Span<float> p0)
    {
        Prepare(srcW, srcH, 1);
        var acc = _accRow.AsSpan(0, srcW);
        for (var v = 0; v < _dstH; v++)
        {
            for (var t = 0; t < _vCount[v]; t++)
            {
                var row = src.Slice((_vFirst[v] + t) * stepElements, srcW);
                var w = _vWeights[_vOffset[v] + t];
                for (var x = 0; x < srcW; x++) acc[x] = t == 0 ? row[x] * w : acc[x] + row[x] * w;
            }
            Horizontal(acc, 1, 0, 0, 0, v, p0, p0, p0);
        }
    }

    private void Horizontal(ReadOnlySpan<float> acc, int cn, int c0, int c1, int c2, int v, Span<float> p0, Span<float> p1, Span<float> p2)
    {
        var o = v * _dstW;
        for (var u = 0; u < _dstW; u++)
        {
            var weights = _hWeights.AsSpan(_hOffset[u], _hCount[u]);
            var x = _hFirst[u] * cn;
            if (cn == 1)
            {
                var s = 0f;
                foreach (var w in weights) s += acc[x++] * w;
                p0[o + u] = s;
                continue;
            }
            float s0 = 0, s1 = 0, s2 = 0;
            foreach (var w in weights)
            {
                s0 += acc[x + c0] * w;
                s1 += acc[x + c1] * w;
                s2 += acc[x + c2] * w;
                x += cn;
            }
            (p0[o + u], p1[o + u], p2[o + u]) = (s0, s1, s2);
        }
    }

    private void Prepare(int srcW, int srcH, int cn)
    {
        if (!Accepts(srcW, srcH)) throw new ArgumentException("source smaller than the destination");
        if (_accRow.Length < srcW * cn) _accRow = new float[Math.Max(srcW * 4, _accRow.Length)];
        if (srcW == _srcW && srcH == _srcH) return;
        (_hFirst, _hCount, _hOffset, _hWeights) = Axis(srcW, _dstW);
        (_vFirst, _vCount, _vOffset, _vWeights) = Axis(srcH, _dstH);
        Area = (float)((double)srcW * srcH / ((double)_dstW * _dstH));
        (_srcW, _srcH) = (srcW, srcH);
    }

    /// <summary>Per destination index: first source index, tap count, offset into the weights (coverage in source pixels).</summary>
    private static (int[] First, int[] Count, int[] Offset, float[] Weights) Axis(int src, int dst)
    {
        var (first, count, offset) = (new int[dst], new int[dst], new int[dst]);
        var weights = new List<float>();
        for (var d = 0; d < dst; d++)
        {
            // Coverage of [d * src / dst, (d + 1) * src / dst) in exact rationals (units of 1 / dst source pixels).
            long lo = (long)d * src, hi = (long)(d + 1) * src;
            int s0 = (int)(lo / dst), s1 = (int)Math.Min(src - 1, (hi - 1) / dst);
            (first[d], count[d], offset[d]) = (s0, s1 - s0 + 1, weights.Count);
            for (var s = s0; s <= s1; s++)
            {
                var covered = Math.Min(hi, (long)(s + 1) * dst) - Math.Max(lo, (long)s * dst);
                weights.Add((float)((double)covered / dst));
            }
        }
        return (first, count, offset, weights.ToArray());
    }
}
