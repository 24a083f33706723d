using System.Buffers.Binary;
using System.Diagnostics;
using CvM.Messages.Cdr;
using CvM.Messages.RmwDdsCommon;
using CvM.Messages.SensorMsgs;
using CvM.Messages.StdMsgs;
using CvM.Messages.Tests.Support;

namespace CvM.Messages.Tests;

/// <summary>
/// Random and mutated payloads through every decoder: each gives a <see cref="CdrException"/> or a valid
/// message (which then re-encodes and decodes to the same bytes); any other exception, a hang or an
/// out-of-memory fails the test. Declared sizes past the buffer are rejected before allocating them.
/// </summary>
public class HostileBytesTests
{
    private const int InputsPerDecoder = 4000;

    private sealed record Decoder(string Name, Func<byte[], object?> Decode, Func<object, byte[]>? Encode, Func<RandomMessages, byte[]> Seed);

    private static IEnumerable<Decoder> Decoders()
    {
        foreach (var c in MessageCase.All)
            yield return new Decoder(c.Name, c.Decode, c.Encode, r => c.Encode(c.Generate(r)));
        var image = MessageCase.All.Single(c => c.RosType == "sensor_msgs/msg/Image");
        var compressed = MessageCase.All.Single(c => c.RosType == "sensor_msgs/msg/CompressedImage");
        yield return new Decoder("Image.DecodeView", b => Image.DecodeView(b, out _), null, r => image.Encode(image.Generate(r)));
        yield return new Decoder("Image.DecodeInto", b => Image.DecodeInto(b, new byte[256]), null, r => image.Encode(image.Generate(r)));
        yield return new Decoder("Image.DecodePooled", b =>
        {
            var m = Image.DecodePooled(b, out var lease);
            lease.Dispose();
            return m;
        }, null, r => image.Encode(image.Generate(r)));
        yield return new Decoder("CompressedImage.DecodeView", b => CompressedImage.DecodeView(b, out _, out _), null, r => compressed.Encode(compressed.Generate(r)));
        yield return new Decoder("CompressedImage.DecodePooled", b =>
        {
            var h = CompressedImage.DecodePooled(b, out _, out var lease);
            lease.Dispose();
            return h;
        }, null, r => compressed.Encode(compressed.Generate(r)));
    }

    [Fact]
    public void Decode_RandomAndMutatedInputsThroughEveryDecoder_TypedErrorOrValidMessage()
    {
        var watch = Stopwatch.StartNew();
        long total = 0, rejected = 0, accepted = 0;
        var decoders = Decoders().ToList();
        foreach (var d in decoders)
        {
            var rng = new Random(d.Name.Length * 7919 + 17);
            var seeds = Enumerable.Range(0, 16).Select(i => d.Seed(new RandomMessages(i, unicode: i % 2 == 1))).ToArray();
            for (var i = 0; i < InputsPerDecoder; i++)
            {
                var input = Mutate(rng, seeds[rng.Next(seeds.Length)]);
                total++;
                object? message;
                try
                {
                    message = d.Decode(input);
                }
                catch (CdrException)
                {
                    rejected++;
                    continue;
                }
                accepted++;
                if (d.Encode is null || message is null) continue;
                var canonical = d.Encode(message);
                Assert.Equal(canonical, d.Encode(d.Decode(canonical)!));
            }
        }
        watch.Stop();
        Assert.True(total >= 100_000, $"only {total} inputs");
        Assert.True(rejected > total / 10 && accepted > total / 20, $"weak mutation mix: {rejected} rejected, {accepted} accepted");
        // A hang guard, not a speed claim: about 3 s on an idle 2-core machine; a decoder that loops or crawls
        // over a declared length would blow far past this bound even on a loaded CI machine.
        Assert.True(watch.Elapsed < TimeSpan.FromMinutes(3), $"took {watch.Elapsed}");
    }

    private static byte[] Mutate(Random rng, byte[] seed)
    {
        switch (rng.Next(6))
        {
            case 0: // random body behind a valid header
                {
                    var b = new byte[4 + rng.Next(0, 200)];
                    rng.NextBytes(b);
                    b[0] = 0;
                    b[1] = (byte)rng.Next(2);
                    return b;
                }
            case 1: // bit flips
                {
                    var b = (byte[])seed.Clone();
                    for (var k = rng.Next(1, 9); k > 0; k--) b[rng.Next(b.Length)] ^= (byte)(1 << rng.Next(8));
                    return b;
                }
            case 2: // truncation
                return seed[..rng.Next(0, seed.Length)];
            case 3: // length-field overwrite at an aligned position
                {
                    var b = (byte[])seed.Clone();
                    if (b.Length < 8) return b;
                    var at = 4 + 4 * rng.Next((b.Length - 4) / 4);
                    if (at + 4 > b.Length) return b;
                    uint[] huge = [0xFFFF_FFFF, 0x7FFF_FFFF, 0x8000_0000, (uint)(b.Length - at), (uint)(b.Length - at + 1), (uint)rng.Next()];
                    BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(at), huge[rng.Next(huge.Length)]);
                    return b;
                }
            case 4: // byte-order switch (header says big endian)
                {
                    var b = (byte[])seed.Clone();
                    b[1] = 0;
                    return b;
                }
            default: // garbage or parameter-list header, random appendix
                {
                    var b = new byte[seed.Length + rng.Next(0, 16)];
                    seed.CopyTo(b, 0);
                    rng.NextBytes(b.AsSpan(seed.Length));
                    b[1] = (byte)rng.Next(256);
                    b[0] = (byte)(rng.Next(4) == 0 ? rng.Next(256) : 0);
                    return b;
                }
        }
    }

    [Fact]
    public void Deserialize_HeaderDeclaringFourGigabyteString_RejectedWithoutAllocatingIt()
    {
        var payload = new byte[4 + 8 + 4 + 8];
        payload[1] = 1;
        BinaryPrimitives.WriteUInt32LittleEndian(payload.AsSpan(12), 0xFFFF_FFFF);
        Assert.Throws<CdrException>(() => CdrCodec.Deserialize<Header>(payload)); // warm up type loading
        var before = GC.GetAllocatedBytesForCurrentThread();
        var ex = Assert.Throws<CdrException>(() => CdrCodec.Deserialize<Header>(payload));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(12, ex.Offset);
        Assert.True(allocated < 64 * 1024, $"{allocated} bytes allocated");
    }

    [Theory]
    [InlineData(0xFFFF_FFFFu)]
    [InlineData(0x4000_0000u)]
    public void Deserialize_SequencesDeclaringHugeCounts_RejectedWithoutAllocatingThem(uint count)
    {
        var writer = new PooledBufferWriter();
        var w = new CdrWriter(writer);
        new Header(new(1, 2), "cam").Write(ref w);
        w.WriteUInt32(count); // DiagnosticArray.status count / the first field after the header
        w.WriteBytes(new byte[64]);
        w.Flush();
        var payload = writer.WrittenSpan.ToArray();
        writer.Dispose();
        foreach (var decode in new Func<byte[], object>[]
                 {
                     b => CdrCodec.Deserialize<DiagnosticMsgs.DiagnosticArray>(b),
                     b => CdrCodec.Deserialize<Tf2Msgs.TFMessage>(payload[..4].Concat(payload[^68..]).ToArray()),
                     b => CdrCodec.Deserialize<CompressedImage>(b.Concat(new byte[4]).ToArray()),
                     b => ParticipantEntitiesInfo.Deserialize(payload[..4].Concat(new byte[24]).Concat(payload[^68..]).ToArray(), GidSize.Humble),
                 })
        {
            Assert.Throws<CdrException>(() => decode(payload));
            var before = GC.GetAllocatedBytesForCurrentThread();
            Assert.Throws<CdrException>(() => decode(payload));
            Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 64 * 1024);
        }
    }

    [Fact]
    public void Deserialize_ImageWhoseStepTimesHeightExceedsData_Rejected()
    {
        var image = new Image { Height = 480, Width = 640, Encoding = "rgb8", Step = 1920, Data = new byte[1920 * 480] };
        var ok = CdrCodec.SerializeToArray(image);
        // Claim 481 rows: step*height no longer matches the data.
        var bad = (byte[])ok.Clone();
        var heightOffset = 4 + 8 + 4 + 1 + 3; // stamp, frame_id "" (len 1 + NUL), padding to 4
        Assert.Equal(480u, BinaryPrimitives.ReadUInt32LittleEndian(bad.AsSpan(heightOffset)));
        BinaryPrimitives.WriteUInt32LittleEndian(bad.AsSpan(heightOffset), 481);
        Assert.Throws<CdrException>(() => CdrCodec.Deserialize<Image>(bad));
        Assert.Throws<CdrException>(() => Image.DecodePooled(bad, out _));
        // And an encoder refuses to write such an image.
        image.Height = 481;
        Assert.Throws<CdrException>(() => CdrCodec.SerializeToArray(image));
    }
}
