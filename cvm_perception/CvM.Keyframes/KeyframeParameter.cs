namespace CvM.Keyframes;

/// <summary>
/// Description of one numeric parameter of <see cref="KeyframeOptions"/>: its ROS parameter name, unit, inclusive
/// range and meaning. The node declares its ROS parameters from <see cref="KeyframeOptions.Parameters"/>;
/// <see cref="KeyframeOptions.Validate"/> checks every value against the same table.
/// </summary>
/// <param name="Name">ROS parameter name (snake_case).</param>
/// <param name="Unit">unit of the value ("m", "s", "deg", "count", "1").</param>
/// <param name="Min">smallest allowed value (inclusive).</param>
/// <param name="Max">largest allowed value (inclusive).</param>
/// <param name="Description">what the value controls and why the default is what it is.</param>
/// <param name="Read">reads the value from an options instance.</param>
public sealed record KeyframeParameter(string Name, string Unit, double Min, double Max, string Description,
    Func<KeyframeOptions, double> Read);
