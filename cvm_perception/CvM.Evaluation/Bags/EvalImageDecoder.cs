using System.Buffers.Binary;
using CvM.Messages.SensorMsgs;

namespace CvM.Evaluation.Bags;

/// <summary>
/// Converts <c>sensor_msgs/msg/Image</c> pixels into the evaluation's layouts: depth in metres (REP 118:
/// <c>16UC1</c> millimetres, 0 = no depth; <c>32FC1</c> metres, NaN or 0 = no depth) and RGB8. Honours
/// <c>step</c> (row padding) and <c>is_bigendian</c>. Writes only into the caller's span; allocates nothing.
/// </summary>
public static class EvalImageDecoder
{
    /// <summary>Units of a <c>16UC1</c> depth image per metre (millimetres; divided, so 1500 gives exactly 1.5f).</summary>
    public const float MillimetresPerMetre = 1000f;

    /// <summary>Writes Width*Height depths in metres into <paramref name="depthM"/> (row-major, no padding).</summary>
    public static ImageDecodeStatus DepthToMetres(in ImageMetadata image, ReadOnlySpan<byte> pixels, Span<float> depthM)
    {
        int w = (int)image.Width, h = (int)image.Height;
        int bytesPerPixel = image.Encoding switch { "16UC1" or "mono16" => 2, "32FC1" => 4, _ => 0 };
        if (bytesPerPixel == 0) return ImageDecodeStatus.UnsupportedEncoding;
        if (!LayoutOk(image, pixels, bytesPerPixel) || depthM.Length < w * h) return ImageDecodeStatus.BadLayout;
        bool big = image.IsBigendian != 0;
        int step = (int)image.Step;
        for (int y = 0; y < h; y++)
        {
            var row = pixels.Slice(y * step, w * bytesPerPixel);
            var dst = depthM.Slice(y * w, w);
            if (bytesPerPixel == 2)
            {
                for (int x = 0; x < w; x++)
                {
                    var b = row.Slice(2 * x, 2);
                    ushort mm = big ? BinaryPrimitives.ReadUInt16BigEndian(b) : BinaryPrimitives.ReadUInt16LittleEndian(b);
                    dst[x] = mm / MillimetresPerMetre;
                }
            }
            else
            {
                for (int x = 0; x < w; x++)
                {
                    var b = row.Slice(4 * x, 4);
                    dst[x] = big ? BinaryPrimitives.ReadSingleBigEndian(b) : BinaryPrimitives.ReadSingleLittleEndian(b);
                }
            }
        }
        return ImageDecodeStatus.Ok;
    }

    /// <summary>Writes Width*Height*3 RGB bytes into <paramref name="rgb8"/> from rgb8, bgr8, rgba8, bgra8 or mono8.</summary>
    public static ImageDecodeStatus ToRgb8(in ImageMetadata image, ReadOnlySpan<byte> pixels, Span<byte> rgb8)
    {
        int w = (int)image.Width, h = (int)image.Height;
        (int bpp, bool bgr) = image.Encoding switch
        {
            "rgb8" => (3, false),
            "bgr8" => (3, true),
            "rgba8" => (4, false),
            "bgra8" => (4, true),
            "mono8" => (1, false),
            _ => (0, false),
        };
        if (bpp == 0) return ImageDecodeStatus.UnsupportedEncoding;
        if (!LayoutOk(image, pixels, bpp) || rgb8.Length < w * h * 3) return ImageDecodeStatus.BadLayout;
        int step = (int)image.Step;
        for (int y = 0; y < h; y++)
        {
            var row = pixels.Slice(y * step, w * bpp);
            var dst = rgb8.Slice(y * w * 3, w * 3);
            if (bpp == 3 && !bgr)
            {
                row.CopyTo(dst);
                continue;
            }
            for (int x = 0; x < w; x++)
            {
                if (bpp == 1)
                {
                    dst[3 * x] = dst[3 * x + 1] = dst[3 * x + 2] = row[x];
                    continue;
                }
                byte c0 = row[bpp * x], c1 = row[bpp * x + 1], c2 = row[bpp * x + 2];
                dst[3 * x] = bgr ? c2 : c0;
                dst[3 * x + 1] = c1;
                dst[3 * x + 2] = bgr ? c0 : c2;
            }
        }
        return ImageDecodeStatus.Ok;
    }

    private static bool LayoutOk(in ImageMetadata image, ReadOnlySpan<byte> pixels, int bytesPerPixel) =>
        image.Width > 0 && image.Height > 0 && image.Width <= 1 << 15 && image.Height <= 1 << 15
        && image.Step >= image.Width * bytesPerPixel && pixels.Length >= (long)image.Step * image.Height;
}
