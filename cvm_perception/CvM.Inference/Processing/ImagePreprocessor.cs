using System.Buffers.Binary;
using System.Runtime.InteropServices;
using CvM.Inference.Internal;
using OpenCvSharp;

namespace CvM.Inference;

/// <summary>
/// Camera image (any <see cref="ImageEncoding"/>) to the model's planar float RGB <c>[3, H, W]</c>: OpenCV resizes
/// the caller's pixels in place (a header over the caller's memory, area interpolation, pixel centres aligned as in
/// <c>Intrinsics.ScaleTo</c>) into a preallocated model-size image, then one pass reorders channels and normalises
/// (<c>(v / vmax - mean) / std</c>; grey is replicated to R, G, B). Allocation-free per frame once the caller's
/// buffers have been seen (see <see cref="CallerHeaderMisses"/>). Owns its OpenCV headers; not thread-safe.
/// </summary>
public sealed unsafe class ImagePreprocessor : IDisposable
{
    private readonly PixelNormalisation _norm;
    private readonly PinnedMat<byte> _small8C1, _small8C3, _small8C4;
    private readonly PinnedMat<ushort> _small16C1;
    private readonly CallerMatCache _callerMats = new(4);
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
                else ResizeAndConvert(swap.Input, enc, rgbC3HW);
                return FrameRejection.None;
            }
            if (sameSize)
            {
                Convert(image.Data, image.Step, enc, rgbC3HW);
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
                for (int x = 0, i = 0; x < w; x++, i += cn)
                {
                    r[o + x] = row[i + ri] / max;
                    g[o + x] = row[i + gi] / max;
                    b[o + x] = row[i + bi] / max;
                }
            }
        }
        if (_norm.IsUnitRange) return;
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
