using CvM.Ros.Parameters;

namespace CvM.Ros.Tests.Parameters;

public sealed class ParameterValueTests
{
    [Fact]
    public void Factories_EachType_RoundTripThroughAccessors()
    {
        Assert.True(ParameterValue.FromBool(true).AsBool());
        Assert.Equal(-3L, ParameterValue.FromInteger(-3).AsInteger());
        Assert.Equal(0.25, ParameterValue.FromDouble(0.25).AsDouble());
        Assert.Equal("x", ParameterValue.FromString("x").AsString());
        Assert.Equal(new byte[] { 1, 255 }, ParameterValue.FromByteArray([1, 255]).AsByteArray());
        Assert.Equal([true, false], ParameterValue.FromBoolArray([true, false]).AsBoolArray());
        Assert.Equal([1L, 2L], ParameterValue.FromIntegerArray([1, 2]).AsIntegerArray());
        Assert.Equal([1.5, double.NaN], ParameterValue.FromDoubleArray([1.5, double.NaN]).AsDoubleArray());
        Assert.Equal(["a", "b"], ParameterValue.FromStringArray(["a", "b"]).AsStringArray());
        Assert.Equal(ParameterType.ByteArray, ParameterValue.FromByteArray([1]).Type);
        Assert.Equal(9, (byte)ParameterType.StringArray);
    }

    [Fact]
    public void Accessor_WrongType_ThrowsInvalidCast()
    {
        var v = ParameterValue.FromInteger(1);
        Assert.Throws<InvalidCastException>(() => v.AsDouble());
        Assert.Throws<InvalidCastException>(() => v.AsString());
        Assert.Throws<InvalidCastException>(() => v.AsIntegerArray());
    }

    [Fact]
    public void Factories_CopyInput_CallerMutationDoesNotLeak()
    {
        long[] source = [1, 2, 3];
        var v = ParameterValue.FromIntegerArray(source);
        source[0] = 99;
        Assert.Equal(1L, v.AsIntegerArray()[0]);
        Assert.Throws<NotSupportedException>(() => ((IList<long>)v.AsIntegerArray())[0] = 5);
    }

    [Fact]
    public void Equals_SameTypeAndContent_AreEqualOtherwiseNot()
    {
        Assert.Equal(ParameterValue.FromDoubleArray([1, double.NaN]), ParameterValue.FromDoubleArray([1, double.NaN]));
        Assert.Equal(ParameterValue.FromString("a").GetHashCode(), ParameterValue.FromString("a").GetHashCode());
        Assert.NotEqual(ParameterValue.FromInteger(1), ParameterValue.FromDouble(1));
        Assert.NotEqual(ParameterValue.FromStringArray(["a"]), ParameterValue.FromStringArray(["a", "b"]));
        Assert.NotEqual(ParameterValue.FromBool(true), ParameterValue.FromBool(false));
    }
}
