using CvM.Messages.BuiltinInterfaces;
using CvM.Messages.Cdr;
using CvM.Messages.SensorMsgs;
using CvM.Messages.StdMsgs;
using CvM.Messages.Tests.Support;
using CvM.TestSupport;

namespace CvM.Messages.Tests;

[Collection(AllocationCollection.Name)]
public class ImageDecodeTests
{
    private static (byte[] Payload, byte[] Pixels) Rgb640x480(int seed)
    {
        var pixels = new byte[640 * 480 * 3];
        new Random(seed).NextBytes(pixels);
        var image = new Image
        {
            Header = new Header(new Time(1_700_000_000, 5), "camera_color_optical_frame"),
            Height = 480,
            Width = 640,
            Encoding = "rgb8",
            Step = 640 * 3,
            Data = pixels,
        };
        return (CdrCodec.SerializeToArray(image), pixels);
    }

    [Fact]
    public void DecodePooled_SteadyState_AllocatesNothingAndCopiesPixels()
    {
        var (payload, pixels) = Rgb640x480(1);
        for (var i = 0; i < 200; i++)
        {
            Image.DecodePooled(payload, out var warm);
            warm.Dispose();
        }
        // Steady state: a window of 1000 decodes allocates nothing (see SteadyStateAllocation for why windows).
        var ok = true;
        ImageMetadata meta = default;
        SteadyStateAllocation.AssertSomeWindowAllocatesNothing(() =>
        {
            for (var i = 0; i < 1000; i++)
            {
                meta = Image.DecodePooled(payload, out var lease);
                ok &= lease.Span.SequenceEqual(pixels);
                lease.Dispose();
            }
        }, "1000 pooled decodes");
        Assert.True(ok);
        Assert.Equal("camera_color_optical_frame", meta.Header.FrameId);
        Assert.Equal(new Time(1_700_000_000, 5), meta.Header.Stamp);
        Assert.Equal(("rgb8", 640u, 480u, 1920u), (meta.Encoding, meta.Width, meta.Height, meta.Step));
    }

    [Fact]
    public void DecodeInto_CallerBuffer_AllocatesNothingAndCopiesPixels()
    {
        var (payload, pixels) = Rgb640x480(2);
        var destination = new byte[pixels.Length + 10];
        Image.DecodeInto(payload, destination);
        SteadyStateAllocation.AssertSomeWindowAllocatesNothing(() =>
        {
            for (var i = 0; i < 100; i++) Image.DecodeInto(payload, destination);
        }, "100 decodes into a caller buffer");
        Assert.True(destination.AsSpan(0, pixels.Length).SequenceEqual(pixels));
    }

    [Fact]
    public void DecodeInto_DestinationTooSmall_ThrowsCdrException()
    {
        var (payload, pixels) = Rgb640x480(3);
        Assert.Throws<CdrException>(() => Image.DecodeInto(payload, new byte[pixels.Length - 1]));
    }

    [Fact]
    public void Serialize_FromMetadataAndPixels_SameBytesAsMessageClass()
    {
        var (payload, pixels) = Rgb640x480(4);
        var meta = Image.DecodeView(payload, out _);
        using var buffer = new PooledBufferWriter();
        Image.Serialize(meta, pixels, buffer);
        Assert.True(buffer.WrittenSpan.SequenceEqual(payload));
        // Steady-state encode into a reused pooled buffer allocates nothing either.
        SteadyStateAllocation.AssertSomeWindowAllocatesNothing(() =>
        {
            for (var i = 0; i < 20; i++)
            {
                buffer.Clear();
                Image.Serialize(meta, pixels, buffer);
            }
        }, "20 encodes into a reused buffer");
    }

    [Fact]
    public void DecodePooled_CompressedImage_CopiesBytesAndKeepsFormat()
    {
        var msg = new CompressedImage { Header = new Header(new Time(3, 4), "cam"), Format = "rgb8; jpeg compressed bgr8", Data = [1, 2, 3, 4, 5] };
        var payload = CdrCodec.SerializeToArray(msg);
        var header = CompressedImage.DecodePooled(payload, out var format, out var lease);
        using (lease)
        {
            Assert.Equal(msg.Header, header);
            Assert.Equal(msg.Format, format);
            Assert.Equal(msg.Data, lease.Span.ToArray());
        }
    }
}
