using CvM.Messages.Cdr;

namespace CvM.Messages.RmwDdsCommon;

/// <summary>
/// A DDS entity's global id as ROS's graph layer sends it (<c>rmw_dds_common/msg/Gid</c>): 16 bytes on
/// Iron/Jazzy, 24 on Humble (the GUID's 16 bytes, zero padded). The instance owns <see cref="Data"/>.
/// </summary>
public sealed class Gid : IRosMessage<Gid>
{
    /// <summary>Creates an all-zero Jazzy-sized gid.</summary>
    public Gid()
    {
        Data = new byte[(int)GidSize.Jazzy];
    }

    /// <summary>Creates a gid over <paramref name="data"/> (16 or 24 bytes; the array is taken, not copied).</summary>
    public Gid(byte[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Length != (int)GidSize.Jazzy && data.Length != (int)GidSize.Humble)
            throw new ArgumentException($"a gid has 16 or 24 bytes, not {data.Length}", nameof(data));
        Data = data;
    }

    /// <summary>The bytes: 16 (Jazzy) or 24 (Humble).</summary>
    public byte[] Data { get; }

    /// <summary>The distribution layout matching <see cref="Data"/>'s length.</summary>
    public GidSize Size => (GidSize)Data.Length;

    /// <inheritdoc />
    public static string RosType => "rmw_dds_common/msg/Gid";

    /// <summary>Reads a Jazzy (16-byte) gid.</summary>
    public static Gid Read(ref CdrReader reader) => Read(ref reader, GidSize.Jazzy);

    /// <summary>Reads a gid of the given layout.</summary>
    public static Gid Read(ref CdrReader reader, GidSize size)
    {
        var n = (int)size;
        if (n != (int)GidSize.Jazzy && n != (int)GidSize.Humble)
            throw new ArgumentOutOfRangeException(nameof(size));
        return new Gid(reader.ReadBytes(n).ToArray());
    }

    /// <inheritdoc />
    public void Write(ref CdrWriter writer) => writer.WriteBytes(Data);

    /// <summary>Writes the gid in the given layout; <see cref="Data"/> must have that length.</summary>
    public void Write(ref CdrWriter writer, GidSize size)
    {
        if (Data.Length != (int)size)
            throw new CdrException($"gid holds {Data.Length} bytes but the {size} layout needs {(int)size}");
        writer.WriteBytes(Data);
    }
}
