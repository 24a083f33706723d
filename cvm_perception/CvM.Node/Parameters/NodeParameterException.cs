namespace CvM.Node.Parameters;

/// <summary>A start-up error: an unknown parameter, a value of the wrong type or out of its range. Names the parameter.</summary>
public sealed class NodeParameterException : Exception
{
    /// <summary>Creates the error for <paramref name="parameter"/>.</summary>
    public NodeParameterException(string parameter, string message) : base($"parameter '{parameter}': {message}") => Parameter = parameter;

    /// <summary>Creates the error.</summary>
    public NodeParameterException() : base("invalid parameter") => Parameter = string.Empty;

    /// <summary>Creates the error.</summary>
    public NodeParameterException(string message) : base(message) => Parameter = string.Empty;

    /// <summary>Creates the error.</summary>
    public NodeParameterException(string message, Exception inner) : base(message, inner) => Parameter = string.Empty;

    /// <summary>The parameter's ROS name.</summary>
    public string Parameter { get; }
}
