using System.Buffers.Binary;
using System.IO.Compression;

namespace CvM.Synthetic.Tests;

public sealed class PngEncoderTests
{
    [Fact]
    public void Encode_RgbImage_HasValidChunksAndDecompressesToPixels()
    {
        const int w = 5, h = 3;
        var pixels = new byte[w * h * 3];
        for (var i = 0; i < pixels.Length; i++) pixels[i] = (byte)(i * 7);
        var png = PngEncoder.Encode(pixels, w, h, 3);
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
        var pos = 8;
        var idat = new MemoryStream();
        var types = new List<string>();
        while (pos < png.Length)
        {
            var len = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(pos));
            var type = System.Text.Encoding.ASCII.GetString(png, pos + 4, 4);
            types.Add(type);
            var crc = BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(pos + 8 + len));
            // CRC over type + data, checked with an independent implementation (System.IO.Hashing).
            Assert.Equal(System.IO.Hashing.Crc32.HashToUInt32(png.AsSpan(pos + 4, 4 + len)), crc);
            if (type == "IHDR")
            {
                Assert.Equal(w, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(pos + 8)));
                Assert.Equal(h, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(pos + 12)));
                Assert.Equal(8, png[pos + 16]);
                Assert.Equal(2, png[pos + 17]);
            }
            if (type == "IDAT") idat.Write(png, pos + 8, len);
            pos += 12 + len;
        }
        Assert.Equal(new[] { "IHDR", "IDAT", "IEND" }, types);
        idat.Position = 0;
        using var z = new ZLibStream(idat, CompressionMode.Decompress);
        var raw = new MemoryStream();
        z.CopyTo(raw);
        var bytes = raw.ToArray();
        Assert.Equal(h * (1 + w * 3), bytes.Length);
        for (var y = 0; y < h; y++)
        {
            Assert.Equal(0, bytes[y * (1 + w * 3)]);
            Assert.Equal(pixels.AsSpan(y * w * 3, w * 3).ToArray(), bytes.AsSpan(y * (1 + w * 3) + 1, w * 3).ToArray());
        }
    }

    [Fact]
    public void PngReader_EncodedRandomRgb_DecodesToSamePixels()
    {
        var rng = new Random(5);
        var rgb = new byte[13 * 7 * 3];
        rng.NextBytes(rgb);
        var img = PngReader.Decode(PngEncoder.Encode(rgb, 13, 7, 3));
        Assert.Equal((13, 7, 3, 8), (img.Width, img.Height, img.Channels, img.BitDepth));
        Assert.Equal(rgb, img.Samples8);
        Assert.Throws<InvalidDataException>(() => PngReader.Decode([1, 2, 3, 4, 5, 6, 7, 8, 9]));
    }
}
