using CvM.Messages.Cdr;
using CvM.Messages.StdMsgs;

namespace CvM.Messages.SensorMsgs;

/// <summary>
/// Calibration of a camera (<c>sensor_msgs/msg/CameraInfo</c>): image size, distortion, the 3x3 intrinsic
/// matrix <see cref="K"/>, rectification <see cref="R"/> and 3x4 projection <see cref="P"/> (row-major).
/// The message owns its arrays; K, R and P must keep their fixed lengths (9, 9, 12).
/// </summary>
public sealed class CameraInfo : IRosMessage<CameraInfo>
{
    /// <summary>Stamp and optical frame.</summary>
    public Header Header { get; set; }

    /// <summary>Calibrated image height in pixels.</summary>
    public uint Height { get; set; }

    /// <summary>Calibrated image width in pixels.</summary>
    public uint Width { get; set; }

    /// <summary>Distortion model, e.g. "plumb_bob".</summary>
    public string DistortionModel { get; set; } = string.Empty;

    /// <summary>Distortion parameters (length depends on the model).</summary>
    public double[] D { get; set; } = [];

    /// <summary>Intrinsic matrix of the raw image, 3x3 row-major.</summary>
    public double[] K { get; set; } = new double[9];

    /// <summary>Rectification rotation, 3x3 row-major.</summary>
    public double[] R { get; set; } = new double[9];

    /// <summary>Projection matrix of the rectified image, 3x4 row-major.</summary>
    public double[] P { get; set; } = new double[12];

    /// <summary>Horizontal binning (0 means 1).</summary>
    public uint BinningX { get; set; }

    /// <summary>Vertical binning (0 means 1).</summary>
    public uint BinningY { get; set; }

    /// <summary>Region of interest (all zero means full resolution).</summary>
    public RegionOfInterest Roi { get; set; }

    /// <inheritdoc />
    public static string RosType => "sensor_msgs/msg/CameraInfo";

    /// <inheritdoc />
    public static CameraInfo Read(ref CdrReader reader)
    {
        var info = new CameraInfo
        {
            Header = Header.Read(ref reader),
            Height = reader.ReadUInt32(),
            Width = reader.ReadUInt32(),
            DistortionModel = reader.ReadStringInterned(),
            D = reader.ReadDoubleSequence(),
        };
        reader.ReadDoubles(info.K);
        reader.ReadDoubles(info.R);
        reader.ReadDoubles(info.P);
        info.BinningX = reader.ReadUInt32();
        info.BinningY = reader.ReadUInt32();
        info.Roi = RegionOfInterest.Read(ref reader);
        return info;
    }

    /// <inheritdoc />
    public void Write(ref CdrWriter writer)
    {
        Header.Write(ref writer);
        writer.WriteUInt32(Height);
        writer.WriteUInt32(Width);
        writer.WriteString(DistortionModel);
        writer.WriteDoubleSequence(D);
        writer.WriteFixedDoubles(K, 9, "k");
        writer.WriteFixedDoubles(R, 9, "r");
        writer.WriteFixedDoubles(P, 12, "p");
        writer.WriteUInt32(BinningX);
        writer.WriteUInt32(BinningY);
        Roi.Write(ref writer);
    }

    /// <summary>
    /// Hot-path decode of a whole payload without allocating: the header (frame id interned), the image size and
    /// <c>K</c> (row-major, into <paramref name="K_rowMajor9"/>); the rest of the message is read and checked as
    /// <see cref="Read"/> checks it, then dropped. A malformed payload throws <see cref="CdrException"/> as
    /// <see cref="CdrCodec.Deserialize{T}"/> would, with nothing written to <paramref name="K_rowMajor9"/>.
    /// </summary>
    public static Header DecodeIntrinsics(ReadOnlySpan<byte> payload, Span<double> K_rowMajor9, out uint width, out uint height)
    {
        if (K_rowMajor9.Length != 9) throw new ArgumentException("K needs 9 values", nameof(K_rowMajor9));
        var reader = new CdrReader(payload);
        var header = Header.Read(ref reader);
        height = reader.ReadUInt32();
        width = reader.ReadUInt32();
        reader.ReadStringBytes(-1); // distortion_model
        var dCount = reader.ReadSequenceLength(8);
        if (dCount > 0)
        {
            reader.Align(8);
            reader.ReadBytes(8 * dCount);
        }
        Span<double> k = stackalloc double[9];
        Span<double> rest = stackalloc double[12];
        reader.ReadDoubles(k);
        reader.ReadDoubles(rest[..9]); // R
        reader.ReadDoubles(rest); // P
        reader.ReadUInt32(); // binning_x
        reader.ReadUInt32(); // binning_y
        RegionOfInterest.Read(ref reader);
        k.CopyTo(K_rowMajor9);
        return header;
    }
}
