namespace CvM.Ros.Parameters;

/// <summary>Parameter types with the numeric values of <c>rcl_interfaces/msg/ParameterType</c>.</summary>
public enum ParameterType : byte
{
    /// <summary>No value.</summary>
    NotSet = 0,

    /// <summary><c>bool</c>.</summary>
    Bool = 1,

    /// <summary><c>int64</c>.</summary>
    Integer = 2,

    /// <summary><c>float64</c>.</summary>
    Double = 3,

    /// <summary><c>string</c>.</summary>
    String = 4,

    /// <summary><c>byte[]</c>.</summary>
    ByteArray = 5,

    /// <summary><c>bool[]</c>.</summary>
    BoolArray = 6,

    /// <summary><c>int64[]</c>.</summary>
    IntegerArray = 7,

    /// <summary><c>float64[]</c>.</summary>
    DoubleArray = 8,

    /// <summary><c>string[]</c>.</summary>
    StringArray = 9,
}
