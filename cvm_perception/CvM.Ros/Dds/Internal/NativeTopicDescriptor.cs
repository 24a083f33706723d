using System.Runtime.InteropServices;
using System.Text;
using CvM.Ros.Dds.Native;
using CvM.Ros.Dds.Types;

namespace CvM.Ros.Dds.Internal;

/// <summary>
/// Owns one unmanaged block holding a <c>dds_topic_descriptor_t</c> followed by its ops array, type name and
/// (empty) meta string; freed on release. Cyclone copies what it needs when a topic is created, but the block is
/// kept alive as long as the topics created from it (owned by <see cref="DdsTypeSupport"/>).
/// </summary>
internal sealed unsafe class NativeTopicDescriptor : SafeHandle
{
    public NativeTopicDescriptor(TopicDescriptorModel model) : base(IntPtr.Zero, ownsHandle: true)
    {
        ArgumentNullException.ThrowIfNull(model);
        var nameBytes = Encoding.UTF8.GetBytes(model.TypeName);
        var descSize = sizeof(DdsTopicDescriptorNative);
        var opsOffset = (descSize + 7) & ~7;
        var nameOffset = opsOffset + model.Ops.Length * sizeof(uint);
        var metaOffset = nameOffset + nameBytes.Length + 1;
        var total = metaOffset + 1;
        var block = (byte*)NativeMemory.AllocZeroed((nuint)total);
        SetHandle((IntPtr)block);

        var ops = (uint*)(block + opsOffset);
        model.Ops.AsSpan().CopyTo(new Span<uint>(ops, model.Ops.Length));
        nameBytes.CopyTo(new Span<byte>(block + nameOffset, nameBytes.Length));
        var d = (DdsTopicDescriptorNative*)block;
        d->Size = model.Size;
        d->Align = model.Align;
        d->FlagSet = model.FlagSet;
        d->NKeys = 0;
        d->TypeName = block + nameOffset;
        d->Keys = null;
        d->NOps = model.NOps;
        d->Ops = ops;
        d->Meta = block + metaOffset;
    }

    public override bool IsInvalid => handle == IntPtr.Zero;

    /// <summary>Pointer to the <c>dds_topic_descriptor_t</c>; valid while this handle is open.</summary>
    public IntPtr Descriptor => handle;

    protected override bool ReleaseHandle()
    {
        NativeMemory.Free((void*)handle);
        return true;
    }
}
