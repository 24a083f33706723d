namespace CvM.Ros.Dds.Types;

/// <summary>
/// One member of a <see cref="DdsStructType"/>. <see cref="Length"/> is the array length or the sequence bound
/// (0 otherwise); <see cref="StringBound"/> is the bound of a bounded string (0 = unbounded);
/// <see cref="Nested"/> is the member type when <see cref="Element"/> is <see cref="DdsPrimitive.Struct"/>.
/// </summary>
public sealed record DdsField(string Name, DdsPrimitive Element, DdsCollection Collection = DdsCollection.None,
    int Length = 0, int StringBound = 0, DdsStructType? Nested = null);
