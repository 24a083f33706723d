using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace CvM.Inference;

/// <summary>
/// Vectorised per-row kernels of post-processing, each with a scalar path that gives bit-identical results (used for
/// the tail of a row, on hardware without the vector instructions, and by tests as the reference). No allocation.
/// </summary>
internal static class PixelKernels
{
    /// <summary>Squared lengths at or below this are "no direction": the normal becomes NaN.</summary>
    public const float MinNormalLengthSquared = 1e-12f;

    /// <summary><c>dst = a * wa + b * wb</c> element-wise (the vertical step of a separable bilinear resize).</summary>
    public static void Blend(ReadOnlySpan<float> a, ReadOnlySpan<float> b, float wa, float wb, Span<float> dst)
    {
        var n = dst.Length;
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var av = MemoryMarshal.Cast<float, Vector<float>>(a[..n]);
            var bv = MemoryMarshal.Cast<float, Vector<float>>(b[..n]);
            var dv = MemoryMarshal.Cast<float, Vector<float>>(dst);
            Vector<float> vwa = new(wa), vwb = new(wb);
            for (var k = 0; k < dv.Length; k++) dv[k] = av[k] * vwa + bv[k] * vwb;
            i = dv.Length * Vector<float>.Count;
        }
        for (; i < n; i++) dst[i] = a[i] * wa + b[i] * wb;
    }

    /// <summary>Scales each (x, y, z) of three planes to unit length in place; NaN where the length vanishes or is not finite.</summary>
    public static void Renormalise(Span<float> xs, Span<float> ys, Span<float> zs, bool allowSimd = true)
    {
        var n = xs.Length;
        var i = 0;
        if (allowSimd && Vector.IsHardwareAccelerated)
        {
            var xv = MemoryMarshal.Cast<float, Vector<float>>(xs);
            var yv = MemoryMarshal.Cast<float, Vector<float>>(ys[..n]);
            var zv = MemoryMarshal.Cast<float, Vector<float>>(zs[..n]);
            var tiny = new Vector<float>(MinNormalLengthSquared);
            var nan = new Vector<float>(float.NaN);
            for (var k = 0; k < xv.Length; k++)
            {
                var len2 = xv[k] * xv[k] + yv[k] * yv[k] + zv[k] * zv[k];
                var inv = Vector.ConditionalSelect(Vector.GreaterThan(len2, tiny), Vector<float>.One / Vector.SquareRoot(len2), nan);
                xv[k] *= inv;
                yv[k] *= inv;
                zv[k] *= inv;
            }
            i = xv.Length * Vector<float>.Count;
        }
        for (; i < n; i++)
        {
            var len2 = xs[i] * xs[i] + ys[i] * ys[i] + zs[i] * zs[i];
            var inv = len2 > MinNormalLengthSquared ? 1f / MathF.Sqrt(len2) : float.NaN;
            xs[i] *= inv;
            ys[i] *= inv;
            zs[i] *= inv;
        }
    }

    /// <summary>Interleaves three planes into <c>x0 y0 z0 x1 y1 z1 ...</c> (<paramref name="xyz"/> holds 3 * xs.Length).</summary>
    public static void Interleave3(ReadOnlySpan<float> xs, ReadOnlySpan<float> ys, ReadOnlySpan<float> zs, Span<float> xyz, bool allowSimd = true)
    {
        var n = xs.Length;
        if (xyz.Length < 3 * n || ys.Length < n || zs.Length < n) throw new ArgumentException("buffer too short");
        var i = 0;
        if (allowSimd && Avx2.IsSupported)
        {
            var xv = MemoryMarshal.Cast<float, Vector256<float>>(xs);
            var yv = MemoryMarshal.Cast<float, Vector256<float>>(ys[..n]);
            var zv = MemoryMarshal.Cast<float, Vector256<float>>(zs[..n]);
            var ov = MemoryMarshal.Cast<float, Vector256<float>>(xyz[..(3 * xv.Length * 8)]);
            // Output lane L of vector k holds element g = 8k + L: pixel g / 3 of channel g % 3.
            var p0 = Vector256.Create(0, 0, 0, 1, 1, 1, 2, 2);
            var p1 = Vector256.Create(2, 3, 3, 3, 4, 4, 4, 5);
            var p2 = Vector256.Create(5, 5, 6, 6, 6, 7, 7, 7);
            var x0 = Vector256.Create(-1, 0, 0, -1, 0, 0, -1, 0).AsSingle();
            var y0 = Vector256.Create(0, -1, 0, 0, -1, 0, 0, -1).AsSingle();
            var x1 = Vector256.Create(0, -1, 0, 0, -1, 0, 0, -1).AsSingle();
            var y1 = Vector256.Create(0, 0, -1, 0, 0, -1, 0, 0).AsSingle();
            var x2 = Vector256.Create(0, 0, -1, 0, 0, -1, 0, 0).AsSingle();
            var y2 = Vector256.Create(-1, 0, 0, -1, 0, 0, -1, 0).AsSingle();
            for (var k = 0; k < xv.Length; k++)
            {
                Vector256<float> x = xv[k], y = yv[k], z = zv[k];
                ov[3 * k] = Pick(x0, y0, x, y, z, p0);
                ov[3 * k + 1] = Pick(x1, y1, x, y, z, p1);
                ov[3 * k + 2] = Pick(x2, y2, x, y, z, p2);
            }
            i = xv.Length * 8;
        }
        for (; i < n; i++)
        {
            xyz[3 * i] = xs[i];
            xyz[3 * i + 1] = ys[i];
            xyz[3 * i + 2] = zs[i];
        }
    }

    /// <summary>
    /// One camera row of normals in one pass: each plane is the vertical blend <c>a * wa + b * wb</c> of two resampled
    /// model rows, renormalised as <see cref="Renormalise"/> does and interleaved into <paramref name="xyz"/>; the same
    /// values as those three kernels one after the other, without the planar row in between.
    /// </summary>
    public static void BlendUnitInterleave(ReadOnlySpan<float> ax, ReadOnlySpan<float> bx, ReadOnlySpan<float> ay, ReadOnlySpan<float> by,
        ReadOnlySpan<float> az, ReadOnlySpan<float> bz, float wa, float wb, Span<float> xyz, bool allowSimd = true)
    {
        var n = ax.Length;
        if (bx.Length < n || ay.Length < n || by.Length < n || az.Length < n || bz.Length < n || xyz.Length < 3 * n) throw new ArgumentException("row too short");
        var i = 0;
        if (allowSimd && Avx2.IsSupported)
        {
            var vax = MemoryMarshal.Cast<float, Vector256<float>>(ax);
            var vbx = MemoryMarshal.Cast<float, Vector256<float>>(bx[..n]);
            var vay = MemoryMarshal.Cast<float, Vector256<float>>(ay[..n]);
            var vby = MemoryMarshal.Cast<float, Vector256<float>>(by[..n]);
            var vaz = MemoryMarshal.Cast<float, Vector256<float>>(az[..n]);
            var vbz = MemoryMarshal.Cast<float, Vector256<float>>(bz[..n]);
            var ov = MemoryMarshal.Cast<float, Vector256<float>>(xyz[..(3 * vax.Length * 8)]);
            Vector256<float> wav = Vector256.Create(wa), wbv = Vector256.Create(wb);
            var tiny = Vector256.Create(MinNormalLengthSquared);
            var nan = Vector256.Create(float.NaN);
            var p0 = Vector256.Create(0, 0, 0, 1, 1, 1, 2, 2);
            var p1 = Vector256.Create(2, 3, 3, 3, 4, 4, 4, 5);
            var p2 = Vector256.Create(5, 5, 6, 6, 6, 7, 7, 7);
            var x0 = Vector256.Create(-1, 0, 0, -1, 0, 0, -1, 0).AsSingle();
            var y0 = Vector256.Create(0, -1, 0, 0, -1, 0, 0, -1).AsSingle();
            var y1 = Vector256.Create(0, 0, -1, 0, 0, -1, 0, 0).AsSingle();
            for (var k = 0; k < vax.Length; k++)
            {
                var x = vax[k] * wav + vbx[k] * wbv;
                var y = vay[k] * wav + vby[k] * wbv;
                var z = vaz[k] * wav + vbz[k] * wbv;
                var len2 = x * x + y * y + z * z;
                var inv = Vector256.ConditionalSelect(Vector256.GreaterThan(len2, tiny), Vector256<float>.One / Vector256.Sqrt(len2), nan);
                (x, y, z) = (x * inv, y * inv, z * inv);
                // Lane masks of the interleave (see Interleave3): x1 = y0, x2 = y1, y2 = x0.
                ov[3 * k] = Pick(x0, y0, x, y, z, p0);
                ov[3 * k + 1] = Pick(y0, y1, x, y, z, p1);
                ov[3 * k + 2] = Pick(y1, x0, x, y, z, p2);
            }
            i = vax.Length * 8;
        }
        for (; i < n; i++)
        {
            float x = ax[i] * wa + bx[i] * wb, y = ay[i] * wa + by[i] * wb, z = az[i] * wa + bz[i] * wb;
            var len2 = x * x + y * y + z * z;
            var inv = len2 > MinNormalLengthSquared ? 1f / MathF.Sqrt(len2) : float.NaN;
            (xyz[3 * i], xyz[3 * i + 1], xyz[3 * i + 2]) = (x * inv, y * inv, z * inv);
        }
    }

    /// <summary>Colour bytes of unit components: <c>(v + 1) / 2 * 255</c> rounded, clamped to 0..255; 0 for NaN.</summary>
    public static void UnitToByte(ReadOnlySpan<float> unit, Span<byte> dst, bool allowSimd = true)
    {
        var n = unit.Length;
        if (dst.Length < n) throw new ArgumentException("buffer too short", nameof(dst));
        var i = 0;
        if (allowSimd && Avx2.IsSupported)
        {
            var uv = MemoryMarshal.Cast<float, Vector256<float>>(unit);
            var dv = MemoryMarshal.Cast<byte, Vector256<byte>>(dst[..n]);
            var one = Vector256.Create(1f);
            var scale = Vector256.Create(127.5f);
            var half = Vector256.Create(0.5f);
            var max = Vector256.Create(256f);
            // After the two saturating packs the dwords hold elements (0-3, 8-11, 16-19, 24-27, 4-7, 12-15, ...).
            var order = Vector256.Create(0, 4, 1, 5, 2, 6, 3, 7);
            for (var j = 0; j < dv.Length; j++)
            {
                var k = 4 * j;
                var a = Avx2.PackSignedSaturate(ToInt(uv[k]), ToInt(uv[k + 1]));
                var b = Avx2.PackSignedSaturate(ToInt(uv[k + 2]), ToInt(uv[k + 3]));
                dv[j] = Avx2.PermuteVar8x32(Avx2.PackUnsignedSaturate(a, b).AsInt32(), order).AsByte();
            }
            i = dv.Length * 32;

            // minps returns its second operand when either is NaN: NaN stays NaN, converts to int.MinValue, packs to 0;
            // +inf and large values are capped at 256 and pack to 255, as the scalar rule does.
            Vector256<int> ToInt(Vector256<float> v) => Avx.ConvertToVector256Int32WithTruncation(Avx.Min(max, (v + one) * scale + half));
        }
        for (; i < n; i++) dst[i] = ToByte(unit[i]);
    }

    /// <summary>The scalar colour rule of <see cref="UnitToByte(ReadOnlySpan{float}, Span{byte}, bool)"/>.</summary>
    public static byte ToByte(float unit)
    {
        var v = (unit + 1f) * 127.5f + 0.5f;
        return v >= 255f ? (byte)255 : v >= 0f ? (byte)v : (byte)0;
    }

    private static Vector256<float> Pick(Vector256<float> maskX, Vector256<float> maskY, Vector256<float> x, Vector256<float> y, Vector256<float> z, Vector256<int> pixel) =>
        Vector256.ConditionalSelect(maskX, Avx2.PermuteVar8x32(x, pixel),
            Vector256.ConditionalSelect(maskY, Avx2.PermuteVar8x32(y, pixel), Avx2.PermuteVar8x32(z, pixel)));
}
