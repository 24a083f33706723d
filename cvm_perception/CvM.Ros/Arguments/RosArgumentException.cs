namespace CvM.Ros.Arguments;

/// <summary>
/// Thrown by <see cref="RosArguments.Parse"/> for a ROS argument it cannot accept: an unknown flag inside a
/// <c>--ros-args</c> block, a flag missing its value, or a malformed rule. Names the token and its argv index.
/// </summary>
public sealed class RosArgumentException : Exception
{
    /// <summary>Creates the exception for the token at <paramref name="position"/>.</summary>
    public RosArgumentException(string token, int position, string reason, Exception? inner = null)
        : base($"invalid ROS argument '{token}' at position {position}: {reason}", inner)
    {
        Token = token;
        Position = position;
        Reason = reason;
    }

    /// <summary>The offending token as given.</summary>
    public string Token { get; }

    /// <summary>Its index in the argument list passed to <see cref="RosArguments.Parse"/>.</summary>
    public int Position { get; }

    /// <summary>Why it was rejected.</summary>
    public string Reason { get; }
}
