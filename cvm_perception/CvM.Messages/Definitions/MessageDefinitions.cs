using CvM.Messages.RmwDdsCommon;

namespace CvM.Messages.Definitions;

/// <summary>
/// The message definitions embedded in this assembly (the <c>.msg</c> texts of ROS 2 Jazzy's
/// common_interfaces, rcl_interfaces, geometry2 and rmw_dds_common), parsed into schemas with their
/// rosbag2 full text and RIHS01 type hashes. Lookups accept <c>pkg/msg/Type</c> or <c>pkg/Type</c>.
/// Humble's <c>rmw_dds_common</c> layout (24-byte Gid) is available through
/// <see cref="Get(string, GidSize)"/>. Thread-safe; schemas are immutable and shared.
/// </summary>
public static class MessageDefinitions
{
    private static readonly Lazy<DefinitionSet> Jazzy = new(() => DefinitionSet.Load(GidSize.Jazzy));
    private static readonly Lazy<DefinitionSet> Humble = new(() => DefinitionSet.Load(GidSize.Humble));

    /// <summary>Every embedded type, as <c>pkg/msg/Type</c>.</summary>
    public static IReadOnlyCollection<string> RosTypes => Jazzy.Value.RosTypes;

    /// <summary>The Jazzy schema of <paramref name="rosType"/>.</summary>
    /// <exception cref="KeyNotFoundException">The type is not embedded.</exception>
    public static MessageSchema Get(string rosType) => Get(rosType, GidSize.Jazzy);

    /// <summary>The schema of <paramref name="rosType"/> for a gid layout (only rmw_dds_common types differ).</summary>
    /// <exception cref="KeyNotFoundException">The type is not embedded.</exception>
    public static MessageSchema Get(string rosType, GidSize gidSize) => Set(gidSize).Get(Normalize(rosType));

    /// <summary>Looks a type up without throwing.</summary>
    public static bool TryGet(string rosType, out MessageSchema schema) =>
        Jazzy.Value.TryGet(Normalize(rosType), out schema);

    private static DefinitionSet Set(GidSize gidSize) => gidSize switch
    {
        GidSize.Jazzy => Jazzy.Value,
        GidSize.Humble => Humble.Value,
        _ => throw new ArgumentOutOfRangeException(nameof(gidSize)),
    };

    private static string Normalize(string rosType)
    {
        ArgumentNullException.ThrowIfNull(rosType);
        var parts = rosType.Split('/');
        return parts.Length == 2 ? $"{parts[0]}/msg/{parts[1]}" : rosType;
    }
}
