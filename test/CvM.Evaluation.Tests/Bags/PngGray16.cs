using System.Buffers.Binary;
using System.IO.Compression;

namespace CvM.Evaluation.Tests.Bags;

/// <summary>
/// Minimal independent reader of 16-bit greyscale, non-interlaced PNG files (the 7-Scenes depth format), used as
/// ground truth for the bag's depth images: chunks, zlib inflate, the five PNG row filters.
/// </summary>
internal static class PngGray16
{
    public static ushort[] Read(string path, out int width, out int height)
    {
        var bytes = File.ReadAllBytes(path);
        int pos = 8;
        using var idat = new MemoryStream();
        width = height = 0;
        while (pos < bytes.Length)
        {
            int len = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(pos));
            string type = System.Text.Encoding.ASCII.GetString(bytes, pos + 4, 4);
            var data = bytes.AsSpan(pos + 8, len);
            if (type == "IHDR")
            {
                width = BinaryPrimitives.ReadInt32BigEndian(data);
                height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                if (data[8] != 16 || data[9] != 0 || data[12] != 0) throw new NotSupportedException("only 16-bit grey, non-interlaced");
            }
            else if (type == "IDAT") idat.Write(data);
            else if (type == "IEND") break;
            pos += 12 + len;
        }
        idat.Position = 0;
        using var z = new ZLibStream(idat, CompressionMode.Decompress);
        using var raw = new MemoryStream();
        z.CopyTo(raw);
        var buf = raw.ToArray();
        int stride = width * 2;
        var prev = new byte[stride];
        var cur = new byte[stride];
        var result = new ushort[width * height];
        for (int y = 0; y < height; y++)
        {
            int filter = buf[y * (stride + 1)];
            Array.Copy(buf, y * (stride + 1) + 1, cur, 0, stride);
            for (int i = 0; i < stride; i++)
            {
                int a = i >= 2 ? cur[i - 2] : 0, b = prev[i], c = i >= 2 ? prev[i - 2] : 0;
                cur[i] = (byte)(cur[i] + filter switch
                {
                    0 => 0,
                    1 => a,
                    2 => b,
                    3 => (a + b) / 2,
                    4 => Paeth(a, b, c),
                    _ => throw new InvalidDataException("bad PNG filter " + filter),
                });
            }
            for (int x = 0; x < width; x++) result[y * width + x] = (ushort)(cur[2 * x] << 8 | cur[2 * x + 1]);
            (prev, cur) = (cur, prev);
        }
        return result;
    }

    private static int Paeth(int a, int b, int c)
    {
        int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
