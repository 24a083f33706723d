namespace CvM.Ros.Dds;

/// <summary>
/// A DDS entity GUID (16 bytes: 12-byte prefix + 4-byte entity id) from <c>dds_get_guid</c>. ROS uses it as the
/// endpoint gid: Iron/Jazzy's <c>Gid</c> holds these 16 bytes, Humble's holds them followed by 8 zero bytes.
/// </summary>
public readonly record struct DdsGuid(UInt128 Value)
{
    /// <summary>Length in bytes.</summary>
    public const int Size = 16;

    /// <summary>The GUID from its 16 bytes in wire order.</summary>
    public static DdsGuid FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Size) throw new ArgumentException("a DDS GUID has 16 bytes", nameof(bytes));
        return new DdsGuid(System.Buffers.Binary.BinaryPrimitives.ReadUInt128BigEndian(bytes));
    }

    /// <summary>Writes the 16 bytes in wire order to <paramref name="destination"/>.</summary>
    public void CopyTo(Span<byte> destination) =>
        System.Buffers.Binary.BinaryPrimitives.WriteUInt128BigEndian(destination[..Size], Value);

    /// <summary>The ROS gid: the 16 GUID bytes, zero-padded to <paramref name="gidSize"/> (16 for Iron/Jazzy, 24 for Humble).</summary>
    public byte[] ToRosGid(int gidSize)
    {
        if (gidSize < Size) throw new ArgumentOutOfRangeException(nameof(gidSize), gidSize, "a ROS gid holds at least 16 bytes");
        var gid = new byte[gidSize];
        CopyTo(gid);
        return gid;
    }

    /// <summary>The GUID bytes as lower-case hex.</summary>
    public override string ToString()
    {
        Span<byte> b = stackalloc byte[Size];
        CopyTo(b);
        return Convert.ToHexStringLower(b);
    }
}
