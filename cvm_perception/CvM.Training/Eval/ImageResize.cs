namespace CvM.Training.Eval;

/// <summary>Resizing of evaluation images to the model input size (whole image, no crop; pixel centres aligned).</summary>
public static class ImageResize
{
    /// <summary>
    /// Area-average resize of interleaved 8-bit RGB (<c>H x W x channels</c>, first 3 channels used) to planar
    /// float RGB <c>[3, h, w]</c> in [0,1]: each output pixel is the mean of the input area it covers (fractional
    /// coverage at the borders), so downscaling does not alias.
    /// </summary>
    public static float[] AreaRgbToPlanar(byte[] hwc, int width, int height, int channels, int outWidth, int outHeight)
    {
        var wx = Weights(width, outWidth);
        var wy = Weights(height, outHeight);
        var dst = new float[3 * outWidth * outHeight];
        int n = outWidth * outHeight;
        for (int v = 0; v < outHeight; v++)
            for (int u = 0; u < outWidth; u++)
            {
                double r = 0, g = 0, b = 0, wsum = 0;
                foreach (var (y, ay) in wy[v])
                    foreach (var (x, ax) in wx[u])
                    {
                        double a = ax * ay;
                        int i = (y * width + x) * channels;
                        r += a * hwc[i];
                        g += a * hwc[i + 1];
                        b += a * hwc[i + 2];
                        wsum += a;
                    }
                int o = v * outWidth + u;
                dst[o] = (float)(r / wsum / 255);
                dst[n + o] = (float)(g / wsum / 255);
                dst[2 * n + o] = (float)(b / wsum / 255);
            }
        return dst;
    }

    /// <summary>
    /// Nearest-neighbour resize of a single-channel map: output pixel (u, v) takes the input pixel under its centre,
    /// <c>x = floor((u + 0.5) * W / w)</c> (no averaging, so depth edges and invalid zeros are not blended).
    /// </summary>
    public static T[] Nearest<T>(T[] src, int width, int height, int outWidth, int outHeight)
    {
        var dst = new T[outWidth * outHeight];
        for (int v = 0; v < outHeight; v++)
        {
            int y = Math.Min(height - 1, (int)((v + 0.5) * height / outHeight));
            for (int u = 0; u < outWidth; u++)
            {
                int x = Math.Min(width - 1, (int)((u + 0.5) * width / outWidth));
                dst[v * outWidth + u] = src[y * width + x];
            }
        }
        return dst;
    }

    /// <summary>For each output index, the input indices it covers with their coverage (in input pixels).</summary>
    private static List<(int Index, double Weight)>[] Weights(int inSize, int outSize)
    {
        var res = new List<(int, double)>[outSize];
        double scale = (double)inSize / outSize;
        for (int o = 0; o < outSize; o++)
        {
            double lo = o * scale, hi = (o + 1) * scale;
            res[o] = [];
            for (int i = (int)Math.Floor(lo); i < Math.Min(inSize, (int)Math.Ceiling(hi)); i++)
            {
                double w = Math.Min(hi, i + 1) - Math.Max(lo, i);
                if (w > 1e-9) res[o].Add((i, w));
            }
        }
        return res;
    }
}
