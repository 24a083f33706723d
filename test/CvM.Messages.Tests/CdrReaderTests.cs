using CvM.Messages.Cdr;
using CvM.Messages.GeometryMsgs;

namespace CvM.Messages.Tests;

public class CdrReaderTests
{
    [Theory]
    [InlineData(new byte[] { 0x00, 0x02, 0, 0 })]
    [InlineData(new byte[] { 0x00, 0x03, 0, 0 })]
    [InlineData(new byte[] { 0x00, 0x07, 0, 0 })]
    [InlineData(new byte[] { 0x00, 0x01 })]
    public void Constructor_UnsupportedOrShortHeader_ThrowsCdrException(byte[] payload)
    {
        Assert.Throws<CdrException>(() => new CdrReader(payload));
    }

    [Fact]
    public void Read_HandWrittenBigEndianPayload_ValuesAndAlignment()
    {
        // 00 00 header; uint8 7; pad to 4; uint32 0x01020304; pad to 8 (body offset 8); float64 1.5; string "ab".
        byte[] payload =
        [
            0x00, 0x00, 0x00, 0x00,
            0x07, 0, 0, 0,
            0x01, 0x02, 0x03, 0x04,
            0x3F, 0xF8, 0, 0, 0, 0, 0, 0,
            0, 0, 0, 3, (byte)'a', (byte)'b', 0,
        ];
        var r = new CdrReader(payload);
        Assert.False(r.IsLittleEndian);
        Assert.Equal(7, r.ReadByte());
        Assert.Equal(0x01020304u, r.ReadUInt32());
        Assert.Equal(1.5, r.ReadDouble());
        Assert.Equal("ab", r.ReadString());
        Assert.Equal(0, r.Remaining);
    }

    [Fact]
    public void Write_Vector3AfterByte_AlignsRelativeToBodyNotBuffer()
    {
        using var buffer = new PooledBufferWriter();
        var w = new CdrWriter(buffer);
        w.WriteByte(9);
        new Vector3(1, 2, 3).Write(ref w);
        w.Flush();
        var bytes = buffer.WrittenSpan.ToArray();
        Assert.Equal(4 + 8 + 24, bytes.Length); // 1 byte, 7 padding, 3 doubles
        Assert.Equal(new byte[] { 0, 1, 0, 0, 9, 0, 0, 0, 0, 0, 0, 0 }, bytes[..12]);
        Assert.Equal(1.0, BitConverter.ToDouble(bytes, 12));
    }

    [Fact]
    public void ReadString_MissingNulTerminator_ThrowsWithOffset()
    {
        byte[] payload = [0, 1, 0, 0, 2, 0, 0, 0, (byte)'a', (byte)'b'];
        var ex = Assert.Throws<CdrException>(() => new CdrReader(payload).ReadString());
        Assert.Equal(4, ex.Offset);
    }

    [Fact]
    public void ReadBool_ByteTwo_ThrowsCdrException()
    {
        byte[] payload = [0, 1, 0, 0, 2];
        Assert.Throws<CdrException>(() => new CdrReader(payload).ReadBool());
    }

    [Fact]
    public void ReadStringInterned_RepeatedValue_ReturnsSameInstance()
    {
        byte[] payload = [0, 1, 0, 0, 4, 0, 0, 0, (byte)'c', (byte)'a', (byte)'m', 0, 4, 0, 0, 0, (byte)'c', (byte)'a', (byte)'m', 0];
        var r = new CdrReader(payload);
        var a = r.ReadStringInterned();
        var b = r.ReadStringInterned();
        Assert.Equal("cam", a);
        Assert.Same(a, b);
    }

    [Fact]
    public void Write_FixedSpanTooSmall_ThrowsCdrException()
    {
        var ex = Assert.Throws<CdrException>(() =>
        {
            var w = new CdrWriter(new byte[8]);
            w.WriteDouble(1.0);
        });
        Assert.Contains("too small", ex.Message);
    }
}
