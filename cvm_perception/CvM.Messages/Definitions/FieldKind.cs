namespace CvM.Messages.Definitions;

/// <summary>The element type of a message field, as written in a <c>.msg</c> file.</summary>
public enum FieldKind
{
    /// <summary><c>bool</c>.</summary>
    Bool,

    /// <summary><c>byte</c> (IDL <c>octet</c>).</summary>
    Byte,

    /// <summary><c>char</c> (an unsigned 8-bit value in ROS 2; IDL <c>uint8</c>).</summary>
    Char,

    /// <summary><c>int8</c>.</summary>
    Int8,

    /// <summary><c>uint8</c>.</summary>
    UInt8,

    /// <summary><c>int16</c>.</summary>
    Int16,

    /// <summary><c>uint16</c>.</summary>
    UInt16,

    /// <summary><c>int32</c>.</summary>
    Int32,

    /// <summary><c>uint32</c>.</summary>
    UInt32,

    /// <summary><c>int64</c>.</summary>
    Int64,

    /// <summary><c>uint64</c>.</summary>
    UInt64,

    /// <summary><c>float32</c>.</summary>
    Float32,

    /// <summary><c>float64</c>.</summary>
    Float64,

    /// <summary><c>string</c> (UTF-8), possibly bounded.</summary>
    String,

    /// <summary><c>wstring</c>, possibly bounded.</summary>
    WString,

    /// <summary>A nested message; see <see cref="FieldSchema.NestedType"/>.</summary>
    Message,
}
