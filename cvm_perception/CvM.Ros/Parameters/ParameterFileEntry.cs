namespace CvM.Ros.Parameters;

/// <summary>
/// One node section of a parameter file: the node key as written (<c>node</c>, <c>/ns/node</c>, <c>/**</c>,
/// <c>/**/node</c>, <c>/*</c>, or nested maps joined with <c>/</c>) and its parameters, nested maps flattened
/// with <c>.</c>. Immutable once built.
/// </summary>
/// <param name="NodeKey">The node key as written in the file.</param>
/// <param name="Parameters">Parameter name to value, in first-appearance order.</param>
public sealed record ParameterFileEntry(string NodeKey, IReadOnlyDictionary<string, ParameterValue> Parameters);
