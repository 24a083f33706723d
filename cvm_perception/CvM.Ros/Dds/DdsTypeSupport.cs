using System.Collections.Concurrent;
using CvM.Messages;
using CvM.Messages.Definitions;
using CvM.Ros.Dds.Internal;
using CvM.Ros.Dds.Types;

namespace CvM.Ros.Dds;

/// <summary>
/// Everything needed to create DDS topics of one ROS message type: the ROS and DDS type names, the REP 2011 type
/// hash sent in endpoint USER_DATA, the struct model and its run-time <c>dds_topic_descriptor_t</c>.
/// Instances are cached per ROS type for the process lifetime (<see cref="GetOrCreate"/>); the native descriptor
/// they own is never freed while the process runs, so topics created from it stay valid.
/// </summary>
public sealed class DdsTypeSupport
{
    private static readonly ConcurrentDictionary<string, DdsTypeSupport> Cache = new(StringComparer.Ordinal);
    private static readonly unsafe Lazy<IntPtr> EmptyString = new(() => (IntPtr)System.Runtime.InteropServices.NativeMemory.AllocZeroed(1));

    private DdsTypeSupport(string rosType, DdsStructType type, string? typeHash)
    {
        RosType = rosType;
        Type = type;
        TypeHash = typeHash;
        Descriptor = TopicDescriptorBuilder.Build(type);
        Native = new NativeTopicDescriptor(Descriptor);
    }

    /// <summary>The ROS type, e.g. <c>sensor_msgs/msg/Image</c>.</summary>
    public string RosType { get; }

    /// <summary>The DDS type, e.g. <c>sensor_msgs::msg::dds_::Image_</c>.</summary>
    public string DdsTypeName => Type.DdsTypeName;

    /// <summary><c>RIHS01_&lt;64 hex&gt;</c>, or null when unknown (then no <c>typehash=</c> USER_DATA is sent).</summary>
    public string? TypeHash { get; }

    /// <summary>The struct model the descriptor was built from.</summary>
    public DdsStructType Type { get; }

    /// <summary>The descriptor content (ops, size, alignment, flags).</summary>
    public TopicDescriptorModel Descriptor { get; }

    internal NativeTopicDescriptor Native { get; }

    /// <summary>
    /// The cached type support of <paramref name="rosType"/> with the struct model <paramref name="type"/> (cached per
    /// ROS type, type hash and ops program, so Humble's and Jazzy's <c>rmw_dds_common</c> layouts live side by side).
    /// </summary>
    /// <exception cref="ArgumentException">The DDS type name does not follow from <paramref name="rosType"/>.</exception>
    public static DdsTypeSupport GetOrCreate(string rosType, DdsStructType type, string? typeHash)
    {
        ArgumentNullException.ThrowIfNull(rosType);
        ArgumentNullException.ThrowIfNull(type);
        if (DdsNames.ToDdsType(rosType) != type.DdsTypeName)
            throw new ArgumentException($"DDS type {type.DdsTypeName} does not match ROS type {rosType}", nameof(type));
        var model = TopicDescriptorBuilder.Build(type);
        var key = $"{rosType}|{typeHash}|{model.Size}|{string.Join(',', model.Ops)}";
        return Cache.GetOrAdd(key, _ => new DdsTypeSupport(rosType, type, typeHash));
    }

    /// <summary>The type support of a message schema (type hash = <see cref="MessageSchema.Rihs01"/>).</summary>
    /// <param name="schema">The message definition.</param>
    /// <param name="resolve">Looks nested types up (default: the embedded Jazzy definitions).</param>
    public static DdsTypeSupport ForSchema(MessageSchema schema, Func<string, MessageSchema>? resolve = null) =>
        ForSchema(schema, resolve, withTypeHash: true);

    /// <summary>
    /// The type support of a message schema, with the type hash <see cref="MessageSchema.Rihs01"/> when
    /// <paramref name="withTypeHash"/> is true and none (no <c>typehash=</c> USER_DATA, as in Humble) otherwise.
    /// </summary>
    /// <param name="schema">The message definition.</param>
    /// <param name="resolve">Looks nested types up (default: the embedded Jazzy definitions).</param>
    /// <param name="withTypeHash">Whether endpoints of this type announce its REP 2011 type hash.</param>
    /// <exception cref="NotSupportedException">The schema holds a field kind the DDS binding does not map.</exception>
    public static DdsTypeSupport ForSchema(MessageSchema schema, Func<string, MessageSchema>? resolve, bool withTypeHash)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var hash = !withTypeHash || string.IsNullOrEmpty(schema.Rihs01) ? null : schema.Rihs01;
        return GetOrCreate(schema.RosType, SchemaMapping.ToStructType(schema, resolve), hash);
    }

    /// <summary>The same type without a type hash (cached like every type support).</summary>
    public DdsTypeSupport WithoutTypeHash() => TypeHash is null ? this : GetOrCreate(RosType, Type, null);

    /// <summary>The type support of <typeparamref name="T"/> from the embedded (Jazzy) definitions.</summary>
    public static DdsTypeSupport For<T>() where T : IRosMessage<T> => ForSchema(MessageDefinitions.Get(T.RosType));

    /// <summary>A short stable tag of the ops program (used to name private probe topics).</summary>
    internal string ProgramTag => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
        System.Text.Encoding.UTF8.GetBytes(string.Join(',', Descriptor.Ops) + "|" + Descriptor.Size)))[..12];

    /// <summary>
    /// Makes the zeroed C sample at <paramref name="sample"/> valid for <c>dds_write</c>: every unbounded string
    /// member outside sequences points at a shared empty string (sequences stay empty). The sample memory is the caller's.
    /// </summary>
    internal unsafe void FillEmptySample(byte* sample) => Fill(Type, sample);

    private static unsafe void Fill(DdsStructType type, byte* sample)
    {
        var (offsets, _, _) = CSampleLayout.Of(type);
        for (var i = 0; i < type.Fields.Count; i++)
        {
            var f = type.Fields[i];
            if (f.Collection is DdsCollection.Sequence or DdsCollection.BoundedSequence) continue;
            var count = f.Collection == DdsCollection.Array ? f.Length : 1;
            var elemSize = CSampleLayout.ElementSize(f).Size;
            for (var k = 0; k < count; k++)
            {
                var p = sample + offsets[i] + k * elemSize;
                if (f.Element == DdsPrimitive.String && f.StringBound == 0) *(IntPtr*)p = EmptyString.Value;
                else if (f.Element == DdsPrimitive.Struct) Fill(f.Nested!, p);
            }
        }
    }
}
