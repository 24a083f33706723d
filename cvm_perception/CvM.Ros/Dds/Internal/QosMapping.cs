using CvM.Ros.Dds.Native;
using CvM.Ros.Qos;

namespace CvM.Ros.Dds.Internal;

/// <summary>Maps a <see cref="QosProfile"/> (plus USER_DATA) to a native <c>dds_qos_t</c>; the caller owns the returned handle.</summary>
internal static class QosMapping
{
    /// <summary>Reliable writers block at most this long when the history is full (Cyclone's default).</summary>
    internal const long MaxBlockingTimeNs = 100_000_000;

    public static unsafe DdsQosHandle Create(QosProfile? profile, ReadOnlySpan<byte> userData)
    {
        var qos = new DdsQosHandle();
        try
        {
            if (profile is not null)
            {
                profile.Validated();
                DdsNative.dds_qset_reliability(qos.Pointer, (int)profile.Reliability, MaxBlockingTimeNs);
                DdsNative.dds_qset_durability(qos.Pointer, (int)profile.Durability);
                DdsNative.dds_qset_history(qos.Pointer, (int)profile.History, profile.History == HistoryKind.KeepLast ? profile.Depth : -1);
            }
            if (!userData.IsEmpty)
                fixed (byte* p = userData) DdsNative.dds_qset_userdata(qos.Pointer, p, (nuint)userData.Length);
            return qos;
        }
        catch
        {
            qos.Dispose();
            throw;
        }
    }
}
