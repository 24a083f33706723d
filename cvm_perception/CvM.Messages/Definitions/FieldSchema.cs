namespace CvM.Messages.Definitions;

/// <summary>One field of a message definition.</summary>
/// <param name="Name">Field name, e.g. <c>frame_id</c>.</param>
/// <param name="Kind">Element type.</param>
/// <param name="NestedType">Full ROS type (<c>pkg/msg/Type</c>) when <paramref name="Kind"/> is <see cref="FieldKind.Message"/>, else null.</param>
/// <param name="Array">Single value, fixed array or sequence.</param>
/// <param name="ArrayLength">Fixed length (<see cref="ArrayKind.Fixed"/>) or bound (<see cref="ArrayKind.Bounded"/>), else 0.</param>
/// <param name="StringBound">Bound of a <c>string&lt;=N</c>/<c>wstring&lt;=N</c>, else null.</param>
/// <param name="DefaultValue">The default value as written in the .msg text, or null.</param>
public sealed record FieldSchema(
    string Name,
    FieldKind Kind,
    string? NestedType,
    ArrayKind Array,
    int ArrayLength,
    int? StringBound,
    string? DefaultValue = null);
