using CvM.Evaluation.Bags;
using CvM.Messages.SensorMsgs;
using CvM.Messages.StdMsgs;

namespace CvM.Evaluation.Tests.Bags;

public class EvalImageDecoderTests
{
    private static ImageMetadata Meta(string encoding, uint w, uint h, uint step, byte bigEndian = 0) =>
        new(default(Header), h, w, encoding, bigEndian, step);

    [Fact]
    public void DepthToMetres_16UC1WithRowPadding_ConvertsMillimetres()
    {
        // 2x2, step 6 (2 bytes padding per row), little endian: 1000 mm, 0 (no depth), 1500 mm, 65535 mm.
        byte[] px = [0xE8, 0x03, 0x00, 0x00, 0xEE, 0xEE, 0xDC, 0x05, 0xFF, 0xFF, 0xEE, 0xEE];
        var d = new float[4];
        Assert.Equal(ImageDecodeStatus.Ok, EvalImageDecoder.DepthToMetres(Meta("16UC1", 2, 2, 6), px, d));
        Assert.Equal([1.0f, 0f, 1.5f, 65.535f], d);
    }

    [Fact]
    public void DepthToMetres_16UC1BigEndian_SwapsBytes()
    {
        byte[] px = [0x03, 0xE8];
        var d = new float[1];
        Assert.Equal(ImageDecodeStatus.Ok, EvalImageDecoder.DepthToMetres(Meta("16UC1", 1, 1, 2, 1), px, d));
        Assert.Equal(1.0f, d[0]);
    }

    [Fact]
    public void DepthToMetres_32FC1_KeepsMetresAndNaN()
    {
        var px = new byte[8];
        BitConverter.TryWriteBytes(px.AsSpan(0, 4), 2.25f);
        BitConverter.TryWriteBytes(px.AsSpan(4, 4), float.NaN);
        var d = new float[2];
        Assert.Equal(ImageDecodeStatus.Ok, EvalImageDecoder.DepthToMetres(Meta("32FC1", 2, 1, 8), px, d));
        Assert.Equal(2.25f, d[0]);
        Assert.True(float.IsNaN(d[1]));
    }

    [Fact]
    public void DepthToMetres_BadInput_ReturnsTypedStatus()
    {
        var d = new float[4];
        Assert.Equal(ImageDecodeStatus.UnsupportedEncoding, EvalImageDecoder.DepthToMetres(Meta("rgb8", 2, 2, 6), new byte[12], d));
        Assert.Equal(ImageDecodeStatus.BadLayout, EvalImageDecoder.DepthToMetres(Meta("16UC1", 2, 2, 4), new byte[7], d));
        Assert.Equal(ImageDecodeStatus.BadLayout, EvalImageDecoder.DepthToMetres(Meta("16UC1", 2, 2, 2), new byte[8], d));
        Assert.Equal(ImageDecodeStatus.BadLayout, EvalImageDecoder.DepthToMetres(Meta("16UC1", 3, 2, 6), new byte[12], d));
    }

    [Fact]
    public void ToRgb8_Bgra8AndMono8_ReorderAndExpand()
    {
        var rgb = new byte[6];
        Assert.Equal(ImageDecodeStatus.Ok, EvalImageDecoder.ToRgb8(Meta("bgra8", 2, 1, 8), [1, 2, 3, 255, 4, 5, 6, 255], rgb));
        Assert.Equal([3, 2, 1, 6, 5, 4], rgb);
        Assert.Equal(ImageDecodeStatus.Ok, EvalImageDecoder.ToRgb8(Meta("mono8", 2, 1, 2), [9, 10], rgb));
        Assert.Equal([9, 9, 9, 10, 10, 10], rgb);
        Assert.Equal(ImageDecodeStatus.UnsupportedEncoding, EvalImageDecoder.ToRgb8(Meta("yuv422", 2, 1, 4), new byte[4], rgb));
    }
}
