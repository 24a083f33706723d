using System.Buffers.Binary;
using System.IO.Compression;

namespace CvM.Synthetic;

/// <summary>
/// Minimal PNG reader (written from the PNG specification), the counterpart of <see cref="PngEncoder"/>: the 7-Scenes
/// frames of the evaluation and the tests' ground truth. Non-interlaced greyscale, RGB or RGBA at 8 bits, greyscale at
/// 16 bits. Throws <see cref="InvalidDataException"/> on anything else.
/// </summary>
public static class PngReader
{
    /// <summary>Decodes a PNG file.</summary>
    public static PngImage Read(string path) => Decode(File.ReadAllBytes(path));

    /// <summary>Decodes PNG bytes.</summary>
    public static PngImage Decode(byte[] file)
    {
        ReadOnlySpan<byte> sig = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
        if (file.Length < 8 || !file.AsSpan(0, 8).SequenceEqual(sig)) throw new InvalidDataException("not a PNG file");
        int width = 0, height = 0, depth = 0, colour = -1;
        using var idat = new MemoryStream();
        int pos = 8;
        while (pos + 12 <= file.Length)
        {
            int len = BinaryPrimitives.ReadInt32BigEndian(file.AsSpan(pos));
            if (len < 0 || pos + 12 + len > file.Length) throw new InvalidDataException("truncated PNG chunk");
            var type = file.AsSpan(pos + 4, 4);
            var data = file.AsSpan(pos + 8, len);
            if (type.SequenceEqual("IHDR"u8))
            {
                width = BinaryPrimitives.ReadInt32BigEndian(data);
                height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                depth = data[8];
                colour = data[9];
                if (data[12] != 0) throw new InvalidDataException("interlaced PNG is not supported");
            }
            else if (type.SequenceEqual("IDAT"u8))
            {
                idat.Write(data);
            }
            else if (type.SequenceEqual("IEND"u8))
            {
                break;
            }
            pos += 12 + len;
        }
        int channels = colour switch { 0 => 1, 2 => 3, 6 => 4, _ => throw new InvalidDataException($"PNG colour type {colour} is not supported") };
        if (!(depth == 8 || (depth == 16 && channels == 1))) throw new InvalidDataException($"PNG bit depth {depth} with {channels} channels is not supported");
        if (width <= 0 || height <= 0 || (long)width * height > 1 << 26) throw new InvalidDataException("bad PNG size");
        int bpp = channels * depth / 8, stride = width * bpp;
        var raw = new byte[(long)(stride + 1) * height];
        idat.Position = 0;
        using (var z = new ZLibStream(idat, CompressionMode.Decompress)) z.ReadExactly(raw);
        var img = new byte[stride * height];
        Unfilter(raw, img, stride, height, bpp);
        if (depth == 8) return new PngImage(width, height, channels, 8, img, []);
        var s16 = new ushort[width * height];
        for (int i = 0; i < s16.Length; i++) s16[i] = BinaryPrimitives.ReadUInt16BigEndian(img.AsSpan(2 * i));
        return new PngImage(width, height, 1, 16, [], s16);
    }

    private static void Unfilter(byte[] raw, byte[] img, int stride, int height, int bpp)
    {
        for (int y = 0; y < height; y++)
        {
            int filter = raw[y * (stride + 1)];
            var src = raw.AsSpan(y * (stride + 1) + 1, stride);
            var cur = img.AsSpan(y * stride, stride);
            var up = y > 0 ? img.AsSpan((y - 1) * stride, stride) : Span<byte>.Empty;
            for (int x = 0; x < stride; x++)
            {
                int a = x >= bpp ? cur[x - bpp] : 0, b = y > 0 ? up[x] : 0, c = x >= bpp && y > 0 ? up[x - bpp] : 0;
                int pred = filter switch
                {
                    0 => 0,
                    1 => a,
                    2 => b,
                    3 => (a + b) >> 1,
                    4 => Paeth(a, b, c),
                    _ => throw new InvalidDataException($"bad PNG filter {filter}"),
                };
                cur[x] = (byte)(src[x] + pred);
            }
        }
    }

    private static int Paeth(int a, int b, int c)
    {
        int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
