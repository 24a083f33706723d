using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.InteropServices;
using CvM.Inference.Internal;
using OpenCvSharp;

namespace CvM.Inference;

/// <summary>
/// Camera image (any <see cref="ImageEncoding"/>) to the model's planar float RGB <c>[3, H, W]</c>, normalised as
/// <c>(v / vmax - mean) / std</c> (grey is replicated to R, G, B). A camera image larger than the model input is
/// area-averaged (pixel centres aligned as in <c>Intrinsics.ScaleTo</c>) straight from the caller's pixels into the
/// planes, in float (no rounding to 8 bits; exact sums for integer factors); one of the model's size is converted
/// through per-channel lookup tables; a smaller one is resized by OpenCV (area interpolation) into a preallocated
/// model-size image first. Allocation-free per frame once the caller's buffers have been seen (see
/// <see cref="CallerHeaderMisses"/>) and the camera size is known. Owns its OpenCV headers; not thread-safe.
/// </summary>
public sealed unsafe class ImagePreprocessor : IDisposable
{
    private readonly PixelNormalisation _norm;
    private readonly PinnedMat<byte> _small8C1, _small8C3, _small8C4;
    private readonly PinnedMat<ushort> _small16C1;
    private readonly CallerMatCache _callerMats = new(4);
    private readonly AreaDownsampler _area;
    private readonly float[] _lut8;
    private PinnedMat<ushort>? _swap16;

    /// <summary>A pre-processor for a model input of <paramref name="width"/> x <paramref name="height"/>.</summary>
    public ImagePreprocessor(int width, int height, PixelNormalisation normalisation)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        Width = width;
        Height = height;
        _norm = normalisation;
        _small8C1 = new PinnedMat<byte>(height, width, 1, MatType.CV_8UC1);
        _small8C3 = new PinnedMat<byte>(height, width, 3, MatType.CV_8UC3);
        _small8C4 = new PinnedMat<byte>(height, width, 4, MatType.CV_8UC4);
        _small16C1 = new PinnedMat<ushort>(height, width, 1, MatType.CV_16UC1);
        _area = new AreaDownsampler(width, height);
        _lut8 = new float[3 * 256];
        for (var v = 0; v < 256; v++)
        {
            // The same float operations as the per-pixel formula, so the table gives bit-identical values.
            var unit = v / 255f;
            _lut8[v] = (unit - normalisation.MeanR) / normalisation.StdR;
            _lut8[256 + v] = (unit - normalisation.MeanG) / normalisation.StdG;
            _lut8[512 + v] = (unit - normalisation.MeanB) / normalisation.StdB;
        }
    }

    /// <summary>Model input width.</summary>
    public int Width { get; }

    /// <summary>Model input height.</summary>
    public int Height { get; }

    /// <summary>OpenCV headers created for caller buffers not seen before (each is a small allocation).</summary>
    public long CallerHeaderMisses => _callerMats.Misses;

    /// <summary>
    /// Writes <paramref name="image"/> as normalised planar RGB into <paramref name="rgbC3HW"/> (3 * Height * Width
    /// floats, caller-owned). Returns the rejection reason, without throwing, for a malformed image.
    /// </summary>
    public FrameRejection ToPlanarRgb(in CameraImage image, Span<float> rgbC3HW)
    {
        var rejection = image.Validate();
        if (rejection != FrameRejection.None) return rejection;
        if (rgbC3HW.Length < 3 * Width * Height) throw new ArgumentException("tensor span too short", nameof(rgbC3HW));
        var enc = image.Encoding;
        var bpp = ImageEncodingNames.BytesPerPixel(enc);
        var sameSize = image.Width == Width && image.Height == Height;
        fixed (byte* p = image.Data)
        {
            if (enc == ImageEncoding.Mono16 && (image.IsBigEndian || image.Step % 2 != 0))
            {
                // OpenCV reads host-order 16-bit rows at even steps: swap/copy into a staging image first.
                var swap = Staging16(image.Width, image.Height);
                for (var y = 0; y < image.Height; y++)
                {
                    var row = MemoryMarshal.Cast<byte, ushort>(image.Data.Slice(y * image.Step, image.Width * 2));
                    var dst = swap.Data.AsSpan(y * image.Width, image.Width);
                    if (image.IsBigEndian) BinaryPrimitives.ReverseEndianness(row, dst);
                    else row.CopyTo(dst);
                }
                if (sameSize) Convert(new ReadOnlySpan<byte>((void*)swap.Pointer, swap.Data.Length * 2), image.Width * 2, enc, rgbC3HW);
                else if (_area.Accepts(image.Width, image.Height)) AreaMono16(swap.Data, image.Width, image.Width, image.Height, rgbC3HW);
                else ResizeAndConvert(swap.Input, enc, rgbC3HW);
                return FrameRejection.None;
            }
            if (sameSize)
            {
                Convert(image.Data, image.Step, enc, rgbC3HW);
                return FrameRejection.None;
            }
            if (_area.Accepts(image.Width, image.Height))
            {
                if (enc == ImageEncoding.Mono16) AreaMono16(MemoryMarshal.Cast<byte, ushort>(image.Data), image.Step / 2, image.Width, image.Height, rgbC3HW);
                else Area8(image, rgbC3HW);
                return FrameRejection.None;
            }
            var type = bpp switch { 1 => MatType.CV_8UC1, 2 => MatType.CV_16UC1, 3 => MatType.CV_8UC3, _ => MatType.CV_8UC4 };
            var src = _callerMats.Get((IntPtr)p, image.Height, image.Width, type, image.Step);
            ResizeAndConvert(src, enc, rgbC3HW);
        }
        return FrameRejection.None;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _callerMats.Dispose();
        _small8C1.Dispose();
        _small8C3.Dispose();
        _small8C4.Dispose();
        _small16C1.Dispose();
        _swap16?.Dispose();
    }

    private void Area8(in CameraImage image, Span<float> rgbC3HW)
    {
        int n = Width * Height, cn = ImageEncodingNames.BytesPerPixel(image.Encoding);
        Span<float> r = rgbC3HW[..n], g = rgbC3HW.Slice(n, n), b = rgbC3HW.Slice(2 * n, n);
        var (ri, gi, bi) = image.Encoding is ImageEncoding.Bgr8 or ImageEncoding.Bgra8 ? (2, 1, 0) : (0, 1, 2);
        if (cn == 1) _area.Run(image.Data, image.Step, image.Width, image.Height, 1, 0, 0, 0, r, r, r);
        else _area.Run(image.Data, image.Step, image.Width, image.Height, cn, ri, gi, bi, r, g, b);
        FinishAreaSums(rgbC3HW, 255f, cn == 1);
    }

    private void AreaMono16(ReadOnlySpan<ushort> data, int stepElements, int width, int height, Span<float> rgbC3HW)
    {
        _area.Run(data, stepElements, width, height, rgbC3HW[..(Width * Height)]);
        FinishAreaSums(rgbC3HW, 65535f, true);
    }

    /// <summary>Area sums to <c>(sum / (area * vmax) - mean) / std</c> per plane (grey: plane R copied to G and B first).</summary>
    private void FinishAreaSums(Span<float> rgbC3HW, float max, bool grey)
    {
        var n = Width * Height;
        if (grey)
        {
            rgbC3HW[..n].CopyTo(rgbC3HW.Slice(n, n));
            rgbC3HW[..n].CopyTo(rgbC3HW.Slice(2 * n, n));
        }
        var divisor = _area.Area * max;
        Scale(rgbC3HW[..n], divisor, _norm.MeanR, _norm.StdR);
        Scale(rgbC3HW.Slice(n, n), divisor, _norm.MeanG, _norm.StdG);
        Scale(rgbC3HW.Slice(2 * n, n), divisor, _norm.MeanB, _norm.StdB);
    }

    private static void Scale(Span<float> plane, float divisor, float mean, float std)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var pv = MemoryMarshal.Cast<float, Vector<float>>(plane);
            Vector<float> d = new(divisor), m = new(mean), sd = new(std);
            for (var k = 0; k < pv.Length; k++) pv[k] = (pv[k] / d - m) / sd;
            i = pv.Length * Vector<float>.Count;
        }
        for (; i < plane.Length; i++) plane[i] = (plane[i] / divisor - mean) / std;
    }

    private void ResizeAndConvert(CvArrayHandle src, ImageEncoding enc, Span<float> rgbC3HW)
    {
        switch (ImageEncodingNames.BytesPerPixel(enc))
        {
            case 1:
                CvArrayHandle.Resize(src, _small8C1.Output, _small8C1.Size, InterpolationFlags.Area);
                Convert(_small8C1.Data, Width, enc, rgbC3HW);
                break;
            case 2:
                CvArrayHandle.Resize(src, _small16C1.Output, _small16C1.Size, InterpolationFlags.Area);
                Convert(MemoryMarshal.AsBytes(_small16C1.Data.AsSpan()), Width * 2, enc, rgbC3HW);
                break;
            case 3:
                CvArrayHandle.Resize(src, _small8C3.Output, _small8C3.Size, InterpolationFlags.Area);
                Convert(_small8C3.Data, Width * 3, enc, rgbC3HW);
                break;
            default:
                CvArrayHandle.Resize(src, _small8C4.Output, _small8C4.Size, InterpolationFlags.Area);
                Convert(_small8C4.Data, Width * 4, enc, rgbC3HW);
                break;
        }
    }

    /// <summary>Model-size interleaved pixels (rows <paramref name="step"/> bytes apart) to normalised planar RGB.</summary>
    private void Convert(ReadOnlySpan<byte> src, int step, ImageEncoding enc, Span<float> rgbC3HW)
    {
        int w = Width, h = Height, n = w * h;
        var r = rgbC3HW[..n];
        var g = rgbC3HW.Slice(n, n);
        var b = rgbC3HW.Slice(2 * n, n);
        var (ri, gi, bi, cn) = enc switch
        {
            ImageEncoding.Rgb8 => (0, 1, 2, 3),
            ImageEncoding.Bgr8 => (2, 1, 0, 3),
            ImageEncoding.Rgba8 => (0, 1, 2, 4),
            ImageEncoding.Bgra8 => (2, 1, 0, 4),
            _ => (0, 0, 0, 1),
        };
        var max = enc == ImageEncoding.Mono16 ? 65535f : 255f;
        for (var y = 0; y < h; y++)
        {
            var row = src.Slice(y * step);
            var o = y * w;
            if (enc == ImageEncoding.Mono16)
            {
                var row16 = MemoryMarshal.Cast<byte, ushort>(row[..(2 * w)]);
                for (var x = 0; x < w; x++) r[o + x] = row16[x] / max;
                r.Slice(o, w).CopyTo(g.Slice(o, w));
                r.Slice(o, w).CopyTo(b.Slice(o, w));
            }
            else
            {
                var lut = _lut8.AsSpan();
                for (int x = 0, i = 0; x < w; x++, i += cn)
                {
                    r[o + x] = lut[row[i + ri]];
                    g[o + x] = lut[256 + row[i + gi]];
                    b[o + x] = lut[512 + row[i + bi]];
                }
            }
        }
        if (_norm.IsUnitRange || enc != ImageEncoding.Mono16) return;
        Normalise(r, _norm.MeanR, _norm.StdR);
        Normalise(g, _norm.MeanG, _norm.StdG);
        Normalise(b, _norm.MeanB, _norm.StdB);
    }

    private static void Normalise(Span<float> plane, float mean, float std)
    {
        for (var i = 0; i < plane.Length; i++) plane[i] = (plane[i] - mean) / std;
    }

    private PinnedMat<ushort> Staging16(int width, int height)
    {
        if (_swap16 is { } s && s.Cols == width && s.Rows == height) return s;
        _swap16?.Dispose();
        _swap16 = new PinnedMat<ushort>(height, width, 1, MatType.CV_16UC1);
        return _swap16;
    }
}
