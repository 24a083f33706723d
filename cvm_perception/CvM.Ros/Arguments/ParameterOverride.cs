using CvM.Ros.Parameters;

namespace CvM.Ros.Arguments;

/// <summary>
/// One <c>-p</c>/<c>--param</c> override: <c>[node:]name:=yaml_value</c>. An immutable value.
/// </summary>
/// <param name="NodeName">The node it targets (<c>node:</c> prefix, matched like a params-file key <c>node</c>),
/// or null for every node (rcl files it under <c>/**</c>).</param>
/// <param name="Name">The parameter name, dot-separated (<c>some_lists.some_integers</c>).</param>
/// <param name="Value">The value, typed as rcl's YAML parser types it.</param>
/// <param name="ArgumentIndex">Position of the rule in argv: files and overrides apply in this order.</param>
public sealed record ParameterOverride(string? NodeName, string Name, ParameterValue Value, int ArgumentIndex);
