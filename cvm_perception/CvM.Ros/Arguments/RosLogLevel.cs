namespace CvM.Ros.Arguments;

/// <summary>Logging severities with rcutils' numeric values.</summary>
public enum RosLogLevel
{
    /// <summary>No level set.</summary>
    Unset = 0,

    /// <summary>Debug.</summary>
    Debug = 10,

    /// <summary>Info.</summary>
    Info = 20,

    /// <summary>Warn.</summary>
    Warn = 30,

    /// <summary>Error.</summary>
    Error = 40,

    /// <summary>Fatal.</summary>
    Fatal = 50,
}
