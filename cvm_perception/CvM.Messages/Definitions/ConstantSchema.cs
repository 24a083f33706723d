namespace CvM.Messages.Definitions;

/// <summary>A constant of a message definition (<c>byte OK=0</c>); constants are not serialized.</summary>
/// <param name="Name">Constant name.</param>
/// <param name="Kind">Its type.</param>
/// <param name="Value">Its value as written in the .msg text.</param>
public sealed record ConstantSchema(string Name, FieldKind Kind, string Value);
