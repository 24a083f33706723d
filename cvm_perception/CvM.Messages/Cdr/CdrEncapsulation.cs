namespace CvM.Messages.Cdr;

/// <summary>The encapsulation identifiers of the 4-byte header that starts every serialized payload.</summary>
public static class CdrEncapsulation
{
    /// <summary>Size of the encapsulation header in bytes.</summary>
    public const int HeaderSize = 4;

    /// <summary>Plain CDR (XCDR1), big endian: bytes <c>00 00</c>.</summary>
    public const ushort CdrBigEndian = 0x0000;

    /// <summary>Plain CDR (XCDR1), little endian: bytes <c>00 01</c>.</summary>
    public const ushort CdrLittleEndian = 0x0001;

    /// <summary>Parameter-list CDR, big endian (<c>00 02</c>): rejected, ROS 2 does not use it.</summary>
    public const ushort PlCdrBigEndian = 0x0002;

    /// <summary>Parameter-list CDR, little endian (<c>00 03</c>): rejected, ROS 2 does not use it.</summary>
    public const ushort PlCdrLittleEndian = 0x0003;
}
