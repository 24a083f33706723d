namespace CvM.Ros.Names;

/// <summary>
/// Outcome of validating a ROS name (node name, namespace, topic name). A plain value: nothing to own.
/// </summary>
/// <param name="IsValid">True when the name satisfies the rules.</param>
/// <param name="Message">Why the name is invalid (null when valid).</param>
/// <param name="InvalidIndex">Index of the first offending character (-1 when valid).</param>
public readonly record struct NameValidationResult(bool IsValid, string? Message, int InvalidIndex)
{
    /// <summary>The valid result.</summary>
    public static NameValidationResult Valid => new(true, null, -1);

    /// <summary>An invalid result with its reason and position.</summary>
    public static NameValidationResult Invalid(string message, int index) => new(false, message, index);
}
