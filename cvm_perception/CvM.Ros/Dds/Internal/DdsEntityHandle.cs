using System.Runtime.InteropServices;
using CvM.Ros.Dds.Native;

namespace CvM.Ros.Dds.Internal;

/// <summary>
/// Owns one <c>dds_entity_t</c> (participant, topic, writer, reader, waitset, condition); <c>dds_delete</c> on release.
/// Deleting a parent deletes its children in Cyclone, so a child's later release may see ALREADY_DELETED, which is ignored.
/// </summary>
internal sealed class DdsEntityHandle : SafeHandle
{
    public DdsEntityHandle(int entity) : base(IntPtr.Zero, ownsHandle: true) => SetHandle(entity);

    public override bool IsInvalid => handle.ToInt64() <= 0;

    /// <summary>The entity id; valid while this handle is not closed.</summary>
    public int Entity
    {
        get
        {
            ObjectDisposedException.ThrowIf(IsClosed, this);
            return (int)handle.ToInt64();
        }
    }

    protected override bool ReleaseHandle()
    {
        _ = DdsNative.dds_delete((int)handle.ToInt64());
        return true;
    }

    /// <summary>Creates the handle from a create-call result, throwing through the status choke point on failure.</summary>
    public static DdsEntityHandle FromCreate(int rc, string operation) => new(DdsStatus.Check(rc, operation));
}
