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
}
