using CvM.Messages.Cdr;

namespace CvM.Messages.BuiltinInterfaces;

/// <summary>A period between two time points (<c>builtin_interfaces/msg/Duration</c>). A value type; owns nothing.</summary>
/// <param name="Sec">Seconds, valid over all int32 values.</param>
/// <param name="Nanosec">Nanoseconds in [0, 1e9), added to <paramref name="Sec"/>.</param>
public readonly record struct Duration(int Sec, uint Nanosec) : IRosMessage<Duration>
{
    /// <inheritdoc />
    public static string RosType => "builtin_interfaces/msg/Duration";

    /// <inheritdoc />
    public static Duration Read(ref CdrReader reader) => new(reader.ReadInt32(), reader.ReadUInt32());

    /// <inheritdoc />
    public void Write(ref CdrWriter writer)
    {
        writer.WriteInt32(Sec);
        writer.WriteUInt32(Nanosec);
    }
}
