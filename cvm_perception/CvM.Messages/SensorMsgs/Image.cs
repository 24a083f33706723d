using System.Buffers;
using CvM.Messages.Cdr;
using CvM.Messages.StdMsgs;

namespace CvM.Messages.SensorMsgs;

/// <summary>
/// An uncompressed image (<c>sensor_msgs/msg/Image</c>). Rule enforced by decode and encode:
/// <c>data.Length == step * height</c> (anything else is a <see cref="CdrException"/>). This class owns a
/// fresh <see cref="Data"/> array; for the hot path use <see cref="DecodeView"/> (pixels stay in the
/// payload), <see cref="DecodeInto"/> (pixels copied into a caller span) or <see cref="DecodePooled"/>
/// (pixels in a pooled lease owned by the caller), which allocate nothing in steady state.
/// </summary>
public sealed class Image : IRosMessage<Image>
{
    /// <summary>Acquisition stamp and optical frame.</summary>
    public Header Header { get; set; }

    /// <summary>Rows.</summary>
    public uint Height { get; set; }

    /// <summary>Columns.</summary>
    public uint Width { get; set; }

    /// <summary>Pixel encoding, e.g. "rgb8".</summary>
    public string Encoding { get; set; } = string.Empty;

    /// <summary>1 when multi-byte pixels are big endian.</summary>
    public byte IsBigendian { get; set; }

    /// <summary>Row length in bytes.</summary>
    public uint Step { get; set; }

    /// <summary>Pixel bytes, <c>Step * Height</c> of them; owned by this message.</summary>
    public byte[] Data { get; set; } = [];

    /// <summary>The metadata of this image.</summary>
    public ImageMetadata Metadata => new(Header, Height, Width, Encoding, IsBigendian, Step);

    /// <inheritdoc />
    public static string RosType => "sensor_msgs/msg/Image";

    /// <inheritdoc />
    public static Image Read(ref CdrReader reader)
    {
        var m = ReadMetadata(ref reader, out var pixels);
        return new Image
        {
            Header = m.Header,
            Height = m.Height,
            Width = m.Width,
            Encoding = m.Encoding,
            IsBigendian = m.IsBigendian,
            Step = m.Step,
            Data = pixels.ToArray(),
        };
    }

    /// <inheritdoc />
    public void Write(ref CdrWriter writer) => Write(ref writer, Metadata, Data);

    /// <summary>
    /// Reads an image at the reader's position; <paramref name="pixels"/> is a view into the reader's payload
    /// (valid as long as the payload is).
    /// </summary>
    public static ImageMetadata ReadMetadata(scoped ref CdrReader reader, out ReadOnlySpan<byte> pixels)
    {
        var header = Header.Read(ref reader);
        var height = reader.ReadUInt32();
        var width = reader.ReadUInt32();
        var encoding = reader.ReadStringInterned();
        var isBigendian = reader.ReadByte();
        var step = reader.ReadUInt32();
        var at = reader.Position;
        pixels = reader.ReadByteSequence();
        if ((long)step * height != pixels.Length)
            throw new CdrException($"image data holds {pixels.Length} bytes but step*height = {step}*{height} = {(long)step * height}", at);
        return new ImageMetadata(header, height, width, encoding, isBigendian, step);
    }

    /// <summary>Decodes a whole payload; <paramref name="pixels"/> is a view into <paramref name="payload"/> (no copy).</summary>
    public static ImageMetadata DecodeView(ReadOnlySpan<byte> payload, out ReadOnlySpan<byte> pixels)
    {
        var reader = new CdrReader(payload);
        return ReadMetadata(ref reader, out pixels);
    }

    /// <summary>
    /// Decodes a whole payload and copies the pixels into the start of <paramref name="pixelDestination"/>
    /// (the caller's buffer; <c>DataLength</c> bytes are written). A destination that is too small is a
    /// <see cref="CdrException"/> and nothing is copied.
    /// </summary>
    public static ImageMetadata DecodeInto(ReadOnlySpan<byte> payload, Span<byte> pixelDestination)
    {
        var m = DecodeView(payload, out var pixels);
        if (pixels.Length > pixelDestination.Length)
            throw new CdrException($"image of {pixels.Length} bytes does not fit the {pixelDestination.Length}-byte destination");
        pixels.CopyTo(pixelDestination);
        return m;
    }

    /// <summary>
    /// Decodes a whole payload and copies the pixels into a lease from <see cref="ArrayPool{T}.Shared"/>;
    /// the caller owns <paramref name="pixels"/> and must dispose it once. On error nothing is rented.
    /// </summary>
    public static ImageMetadata DecodePooled(ReadOnlySpan<byte> payload, out PooledBytes pixels)
    {
        var m = DecodeView(payload, out var view);
        pixels = PooledBytes.Rent(view.Length);
        view.CopyTo(pixels.Span);
        return m;
    }

    /// <summary>Writes an image from metadata and caller-owned pixels (no intermediate copy).</summary>
    public static void Write(ref CdrWriter writer, in ImageMetadata metadata, ReadOnlySpan<byte> pixels)
    {
        if (metadata.DataLength != pixels.Length)
            throw new CdrException($"image data holds {pixels.Length} bytes but step*height = {metadata.DataLength}");
        metadata.Header.Write(ref writer);
        writer.WriteUInt32(metadata.Height);
        writer.WriteUInt32(metadata.Width);
        writer.WriteString(metadata.Encoding);
        writer.WriteByte(metadata.IsBigendian);
        writer.WriteUInt32(metadata.Step);
        writer.WriteByteSequence(pixels);
    }

    /// <summary>Encodes a whole payload from metadata and caller-owned pixels into <paramref name="output"/>.</summary>
    public static void Serialize(in ImageMetadata metadata, ReadOnlySpan<byte> pixels, IBufferWriter<byte> output)
    {
        var writer = new CdrWriter(output);
        Write(ref writer, metadata, pixels);
        writer.Flush();
    }
}
