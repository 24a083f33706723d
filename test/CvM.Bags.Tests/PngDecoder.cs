using System.Buffers.Binary;
using System.IO.Compression;

namespace CvM.Bags.Tests;

/// <summary>
/// A minimal PNG decoder for test ground truth (written here from the PNG specification): non-interlaced
/// greyscale, RGB or RGBA at 8 or 16 bits. Returns the raw samples, 16-bit ones big-endian as PNG stores them.
/// </summary>
public static class PngDecoder
{
    public sealed record PngImage(int Width, int Height, int BitDepth, int Channels, byte[] Samples);

    public static PngImage Decode(byte[] file)
    {
        ReadOnlySpan<byte> signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];
        if (!file.AsSpan(0, 8).SequenceEqual(signature)) throw new InvalidDataException("not a PNG");
        int width = 0, height = 0, bitDepth = 0, colorType = 0;
        using var idat = new MemoryStream();
        for (var pos = 8; pos + 8 <= file.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(file.AsSpan(pos));
            var type = System.Text.Encoding.ASCII.GetString(file, pos + 4, 4);
            var data = file.AsSpan(pos + 8, length);
            if (type == "IHDR")
            {
                width = BinaryPrimitives.ReadInt32BigEndian(data);
                height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                bitDepth = data[8];
                colorType = data[9];
                if (data[12] != 0) throw new NotSupportedException("interlaced PNG");
            }
            else if (type == "IDAT")
            {
                idat.Write(data);
            }
            else if (type == "IEND")
            {
                break;
            }
            pos += 12 + length;
        }
        var channels = colorType switch { 0 => 1, 2 => 3, 4 => 2, 6 => 4, _ => throw new NotSupportedException($"PNG colour type {colorType}") };
        if (bitDepth is not (8 or 16)) throw new NotSupportedException($"PNG bit depth {bitDepth}");
        var bpp = channels * bitDepth / 8;
        var stride = width * bpp;
        var raw = new byte[(stride + 1) * height];
        idat.Position = 0;
        using (var z = new ZLibStream(idat, CompressionMode.Decompress)) z.ReadExactly(raw);
        var samples = new byte[stride * height];
        for (var y = 0; y < height; y++)
        {
            var filter = raw[y * (stride + 1)];
            var line = raw.AsSpan(y * (stride + 1) + 1, stride);
            var output = samples.AsSpan(y * stride, stride);
            var previous = y == 0 ? new byte[stride] : samples.AsSpan((y - 1) * stride, stride);
            for (var x = 0; x < stride; x++)
            {
                int a = x >= bpp ? output[x - bpp] : 0;
                int b = previous[x];
                int c = x >= bpp ? previous[x - bpp] : 0;
                output[x] = (byte)(line[x] + filter switch
                {
                    0 => 0,
                    1 => a,
                    2 => b,
                    3 => (a + b) / 2,
                    4 => Paeth(a, b, c),
                    _ => throw new InvalidDataException($"PNG filter {filter}"),
                });
            }
        }
        return new PngImage(width, height, bitDepth, channels, samples);
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        int pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
