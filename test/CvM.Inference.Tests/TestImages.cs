namespace CvM.Inference.Tests;

/// <summary>Deterministic test images: the same RGB content written in every encoding.</summary>
internal static class TestImages
{
    /// <summary>Interleaved RGB, 3 bytes per pixel, a smooth pattern plus seeded noise.</summary>
    public static byte[] Rgb(int w, int h, int seed)
    {
        var rng = new Random(seed);
        var rgb = new byte[w * h * 3];
        for (var y = 0; y < h; y++)
            for (var x = 0; x < w; x++)
            {
                var i = (y * w + x) * 3;
                rgb[i] = (byte)((x * 255 / Math.Max(1, w - 1) + rng.Next(16)) & 255);
                rgb[i + 1] = (byte)((y * 255 / Math.Max(1, h - 1) + rng.Next(16)) & 255);
                rgb[i + 2] = (byte)rng.Next(256);
            }
        return rgb;
    }

    /// <summary>Constant grey image (RGB all <paramref name="v"/>).</summary>
    public static byte[] Grey(int w, int h, byte v) => Enumerable.Repeat(v, w * h * 3).ToArray();

    /// <summary>The RGB content in <paramref name="enc"/> with rows of <paramref name="step"/> bytes (0 = packed); grey encodings take R.</summary>
    public static byte[] Encode(byte[] rgb, int w, int h, ImageEncoding enc, int step, out int usedStep, bool bigEndian = false)
    {
        var bpp = ImageEncodingNames.BytesPerPixel(enc);
        usedStep = step == 0 ? w * bpp : step;
        var data = new byte[usedStep * h];
        for (var y = 0; y < h; y++)
            for (var x = 0; x < w; x++)
            {
                var s = (y * w + x) * 3;
                var d = y * usedStep + x * bpp;
                byte r = rgb[s], g = rgb[s + 1], b = rgb[s + 2];
                switch (enc)
                {
                    case ImageEncoding.Rgb8: (data[d], data[d + 1], data[d + 2]) = (r, g, b); break;
                    case ImageEncoding.Bgr8: (data[d], data[d + 1], data[d + 2]) = (b, g, r); break;
                    case ImageEncoding.Rgba8: (data[d], data[d + 1], data[d + 2], data[d + 3]) = (r, g, b, 77); break;
                    case ImageEncoding.Bgra8: (data[d], data[d + 1], data[d + 2], data[d + 3]) = (b, g, r, 200); break;
                    case ImageEncoding.Mono8: data[d] = r; break;
                    case ImageEncoding.Mono16:
                        var v = (ushort)(r * 257);
                        (data[d], data[d + 1]) = bigEndian ? ((byte)(v >> 8), (byte)v) : ((byte)v, (byte)(v >> 8));
                        break;
                }
            }
        return data;
    }

    /// <summary>Only the R channel kept, copied to G and B (the grey content a mono image of R carries).</summary>
    public static byte[] RedAsGrey(byte[] rgb)
    {
        var g = (byte[])rgb.Clone();
        for (var i = 0; i < g.Length; i += 3) g[i + 1] = g[i + 2] = g[i];
        return g;
    }
}
