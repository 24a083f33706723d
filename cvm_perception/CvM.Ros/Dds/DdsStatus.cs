using System.Runtime.InteropServices;
using CvM.Ros.Dds.Native;

namespace CvM.Ros.Dds;

/// <summary>The one status-to-exception choke point: every libddsc return code goes through <see cref="Check"/>.</summary>
internal static class DdsStatus
{
    /// <summary>Returns <paramref name="rc"/> when it is not negative (entity handles, counts); throws <see cref="DdsException"/> otherwise.</summary>
    internal static int Check(int rc, string operation)
    {
        if (rc >= 0) return rc;
        throw new DdsException(operation, rc, Text(rc));
    }

    /// <summary><c>dds_strretcode</c>'s text for <paramref name="rc"/>.</summary>
    internal static string Text(int rc)
    {
        var p = DdsNative.dds_strretcode(rc);
        return p == IntPtr.Zero ? "unknown return code" : Marshal.PtrToStringUTF8(p) ?? "unknown return code";
    }
}
