using CvM.Bags.Mcap;

namespace CvM.Bags.Tests;

/// <summary>The native (libzstd) and managed (ZstdSharp) zstd paths agree; corrupt data is an error on both.</summary>
public sealed class McapChunkCodecTests
{
    [Fact]
    public void Decompress_NativeAndManagedZstd_GiveTheOriginalBytes()
    {
        var original = Enumerable.Range(0, 300_000).Select(i => (byte)(i * 31 % 251 ^ (i >> 9))).ToArray();
        using var compressor = new ZstdSharp.Compressor(3);
        var compressed = compressor.Wrap(original).ToArray();
        foreach (var preferNative in new[] { true, false })
        {
            using var codec = new McapChunkCodec(preferNative);
            Assert.Equal(preferNative && NativeZstd.TryLoad() is not null, codec.UsesNativeZstd);
            var target = new byte[original.Length];
            codec.Decompress("zstd", compressed, target, original.Length);
            Assert.Equal(original, target);
            var corrupt = (byte[])compressed.Clone();
            corrupt.AsSpan(0, 4).Fill(0xEE);
            Assert.Throws<InvalidDataException>(() => codec.Decompress("zstd", corrupt, target, original.Length));
            Assert.Throws<InvalidDataException>(() => codec.Decompress("zstd", compressed, new byte[original.Length + 10], original.Length + 10));
        }
    }
}
