using System.Collections.ObjectModel;
using System.Globalization;
using System.Text;

namespace CvM.Ros.Parameters;

/// <summary>
/// A typed ROS 2 parameter value (the variants of <c>rcl_interfaces/msg/ParameterValue</c>). Immutable:
/// the factories copy their input, the array accessors hand out read-only views the value keeps owning.
/// Equality is by type and content (doubles by <see cref="double.Equals(double)"/>, so NaN equals NaN).
/// </summary>
public sealed class ParameterValue : IEquatable<ParameterValue>
{
    private readonly bool _bool;
    private readonly long _integer;
    private readonly double _double;
    private readonly object? _reference;

    private ParameterValue(ParameterType type, bool b = false, long i = 0, double d = 0, object? reference = null)
    {
        Type = type;
        _bool = b;
        _integer = i;
        _double = d;
        _reference = reference;
    }

    /// <summary>The value's type.</summary>
    public ParameterType Type { get; }

    /// <summary>A bool value.</summary>
    public static ParameterValue FromBool(bool value) => new(ParameterType.Bool, b: value);

    /// <summary>An int64 value.</summary>
    public static ParameterValue FromInteger(long value) => new(ParameterType.Integer, i: value);

    /// <summary>A float64 value.</summary>
    public static ParameterValue FromDouble(double value) => new(ParameterType.Double, d: value);

    /// <summary>A string value.</summary>
    public static ParameterValue FromString(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new(ParameterType.String, reference: value);
    }

    /// <summary>A byte array value (copied).</summary>
    public static ParameterValue FromByteArray(ReadOnlySpan<byte> values) => new(ParameterType.ByteArray, reference: values.ToArray());

    /// <summary>A bool array value (copied).</summary>
    public static ParameterValue FromBoolArray(ReadOnlySpan<bool> values) => new(ParameterType.BoolArray, reference: values.ToArray());

    /// <summary>An int64 array value (copied).</summary>
    public static ParameterValue FromIntegerArray(ReadOnlySpan<long> values) => new(ParameterType.IntegerArray, reference: values.ToArray());

    /// <summary>A float64 array value (copied).</summary>
    public static ParameterValue FromDoubleArray(ReadOnlySpan<double> values) => new(ParameterType.DoubleArray, reference: values.ToArray());

    /// <summary>A string array value (copied).</summary>
    public static ParameterValue FromStringArray(IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var copy = values.ToArray();
        if (Array.Exists(copy, s => s is null)) throw new ArgumentException("string array holds a null", nameof(values));
        return new(ParameterType.StringArray, reference: copy);
    }

    /// <summary>The bool value.</summary>
    /// <exception cref="InvalidCastException">The value is of another type.</exception>
    public bool AsBool() => Expect(ParameterType.Bool)._bool;

    /// <summary>The int64 value.</summary>
    /// <exception cref="InvalidCastException">The value is of another type.</exception>
    public long AsInteger() => Expect(ParameterType.Integer)._integer;

    /// <summary>The float64 value.</summary>
    /// <exception cref="InvalidCastException">The value is of another type.</exception>
    public double AsDouble() => Expect(ParameterType.Double)._double;

    /// <summary>The string value.</summary>
    /// <exception cref="InvalidCastException">The value is of another type.</exception>
    public string AsString() => (string)Expect(ParameterType.String)._reference!;

    /// <summary>A read-only view of the byte array.</summary>
    public IReadOnlyList<byte> AsByteArray() => View<byte>(ParameterType.ByteArray);

    /// <summary>A read-only view of the bool array.</summary>
    public IReadOnlyList<bool> AsBoolArray() => View<bool>(ParameterType.BoolArray);

    /// <summary>A read-only view of the int64 array.</summary>
    public IReadOnlyList<long> AsIntegerArray() => View<long>(ParameterType.IntegerArray);

    /// <summary>A read-only view of the float64 array.</summary>
    public IReadOnlyList<double> AsDoubleArray() => View<double>(ParameterType.DoubleArray);

    /// <summary>A read-only view of the string array.</summary>
    public IReadOnlyList<string> AsStringArray() => View<string>(ParameterType.StringArray);

    /// <inheritdoc/>
    public bool Equals(ParameterValue? other)
    {
        if (other is null || other.Type != Type) return false;
        return Type switch
        {
            ParameterType.NotSet => true,
            ParameterType.Bool => _bool == other._bool,
            ParameterType.Integer => _integer == other._integer,
            ParameterType.Double => _double.Equals(other._double),
            ParameterType.String => (string)_reference! == (string)other._reference!,
            ParameterType.ByteArray => ((byte[])_reference!).AsSpan().SequenceEqual((byte[])other._reference!),
            ParameterType.BoolArray => ((bool[])_reference!).AsSpan().SequenceEqual((bool[])other._reference!),
            ParameterType.IntegerArray => ((long[])_reference!).AsSpan().SequenceEqual((long[])other._reference!),
            ParameterType.DoubleArray => ((double[])_reference!).SequenceEqual((double[])other._reference!),
            ParameterType.StringArray => ((string[])_reference!).SequenceEqual((string[])other._reference!, StringComparer.Ordinal),
            _ => false,
        };
    }

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as ParameterValue);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Type, _bool, _integer, _double, ToString());

    /// <summary>The value in YAML flow form, e.g. <c>42</c>, <c>3.5</c>, <c>"Hello world"</c>, <c>[1, 2]</c>.</summary>
    public override string ToString() => Type switch
    {
        ParameterType.NotSet => "~",
        ParameterType.Bool => _bool ? "true" : "false",
        ParameterType.Integer => _integer.ToString(CultureInfo.InvariantCulture),
        ParameterType.Double => FormatDouble(_double),
        ParameterType.String => Quote((string)_reference!),
        ParameterType.ByteArray => Join((byte[])_reference!, b => b.ToString(CultureInfo.InvariantCulture)),
        ParameterType.BoolArray => Join((bool[])_reference!, b => b ? "true" : "false"),
        ParameterType.IntegerArray => Join((long[])_reference!, v => v.ToString(CultureInfo.InvariantCulture)),
        ParameterType.DoubleArray => Join((double[])_reference!, FormatDouble),
        ParameterType.StringArray => Join((string[])_reference!, Quote),
        _ => "?",
    };

    private ParameterValue Expect(ParameterType type)
    {
        if (Type != type) throw new InvalidCastException($"parameter value is {Type}, not {type}");
        return this;
    }

    private ReadOnlyCollection<T> View<T>(ParameterType type) => Array.AsReadOnly((T[])Expect(type)._reference!);

    private static string FormatDouble(double d)
    {
        if (double.IsNaN(d)) return ".nan";
        if (double.IsPositiveInfinity(d)) return ".inf";
        if (double.IsNegativeInfinity(d)) return "-.inf";
        var s = d.ToString("R", CultureInfo.InvariantCulture);
        return s.Contains('.', StringComparison.Ordinal) || s.Contains('E', StringComparison.Ordinal) ? s : s + ".0";
    }

    private static string Quote(string s)
    {
        var sb = new StringBuilder(s.Length + 2).Append('"');
        foreach (var c in s)
        {
            if (c is '"' or '\\') sb.Append('\\');
            sb.Append(c);
        }
        return sb.Append('"').ToString();
    }

    private static string Join<T>(T[] values, Func<T, string> format) => "[" + string.Join(", ", values.Select(format)) + "]";
}
