using System.Runtime.InteropServices;
using CvM.Ros.Dds.Native;

namespace CvM.Ros.Dds.Internal;

/// <summary>Owns one <c>dds_qos_t*</c> from <c>dds_create_qos</c>; <c>dds_delete_qos</c> on release. Cyclone copies it on entity creation.</summary>
internal sealed class DdsQosHandle : SafeHandle
{
    public DdsQosHandle() : base(IntPtr.Zero, ownsHandle: true)
    {
        SetHandle(DdsNative.dds_create_qos());
        if (IsInvalid) throw new DdsException("dds_create_qos", (int)DdsReturnCode.OutOfResources, "out of resources");
    }

    public override bool IsInvalid => handle == IntPtr.Zero;

    public IntPtr Pointer => handle;

    protected override bool ReleaseHandle()
    {
        DdsNative.dds_delete_qos(handle);
        return true;
    }
}
