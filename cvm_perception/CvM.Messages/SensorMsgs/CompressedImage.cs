using System.Buffers;
using CvM.Messages.Cdr;
using CvM.Messages.StdMsgs;

namespace CvM.Messages.SensorMsgs;

/// <summary>
/// A compressed image (<c>sensor_msgs/msg/CompressedImage</c>). This class owns a fresh <see cref="Data"/>
/// array; for the hot path use <see cref="DecodeView"/> (bytes stay in the payload) or
/// <see cref="DecodePooled"/> (bytes in a pooled lease owned by the caller).
/// </summary>
public sealed class CompressedImage : IRosMessage<CompressedImage>
{
    /// <summary>Acquisition stamp and optical frame.</summary>
    public Header Header { get; set; }

    /// <summary>Format, e.g. "rgb8; jpeg compressed bgr8".</summary>
    public string Format { get; set; } = string.Empty;

    /// <summary>Compressed bytes; owned by this message.</summary>
    public byte[] Data { get; set; } = [];

    /// <inheritdoc />
    public static string RosType => "sensor_msgs/msg/CompressedImage";

    /// <inheritdoc />
    public static CompressedImage Read(ref CdrReader reader)
    {
        var header = Header.Read(ref reader);
        var format = reader.ReadStringInterned();
        return new CompressedImage { Header = header, Format = format, Data = reader.ReadByteSequence().ToArray() };
    }

    /// <inheritdoc />
    public void Write(ref CdrWriter writer) => Write(ref writer, Header, Format, Data);

    /// <summary>Decodes a whole payload; <paramref name="data"/> is a view into <paramref name="payload"/>.</summary>
    public static Header DecodeView(ReadOnlySpan<byte> payload, out string format, out ReadOnlySpan<byte> data)
    {
        var reader = new CdrReader(payload);
        var header = Header.Read(ref reader);
        format = reader.ReadStringInterned();
        data = reader.ReadByteSequence();
        return header;
    }

    /// <summary>
    /// Decodes a whole payload and copies the bytes into a lease from <see cref="ArrayPool{T}.Shared"/>;
    /// the caller owns <paramref name="data"/> and must dispose it once.
    /// </summary>
    public static Header DecodePooled(ReadOnlySpan<byte> payload, out string format, out PooledBytes data)
    {
        var header = DecodeView(payload, out format, out var view);
        data = PooledBytes.Rent(view.Length);
        view.CopyTo(data.Span);
        return header;
    }

    /// <summary>Writes a compressed image from caller-owned bytes.</summary>
    public static void Write(ref CdrWriter writer, in Header header, string format, ReadOnlySpan<byte> data)
    {
        header.Write(ref writer);
        writer.WriteString(format);
        writer.WriteByteSequence(data);
    }
}
