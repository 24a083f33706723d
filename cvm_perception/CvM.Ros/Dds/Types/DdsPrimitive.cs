namespace CvM.Ros.Dds.Types;

/// <summary>Element kinds of the IDL C mapping that the run-time topic descriptor supports.</summary>
public enum DdsPrimitive
{
    Bool,
    Octet,
    UInt8,
    Int8,
    Char,
    Int16,
    UInt16,
    Int32,
    UInt32,
    Int64,
    UInt64,
    Float32,
    Float64,
    String,
    Struct,
}
