using CvM.Ros.Parameters;

namespace CvM.Ros.Tests.Parameters;

public sealed class ParameterValueTypingTests
{
    // YAML value text -> type and canonical text, as rcl_yaml_param_parser's get_value types it
    // (bool words, then whole-string strtoll base 0, then whole-string strtod, else string).
    public static TheoryData<string, ParameterType, string> Cases => new()
    {
        { "42", ParameterType.Integer, "42" },
        { "-7", ParameterType.Integer, "-7" },
        { "+5", ParameterType.Integer, "5" },
        { "0", ParameterType.Integer, "0" },
        { "-0", ParameterType.Integer, "0" },
        { "0x1F", ParameterType.Integer, "31" },
        { "-0x10", ParameterType.Integer, "-16" },
        { "010", ParameterType.Integer, "8" },
        { "9223372036854775807", ParameterType.Integer, "9223372036854775807" },
        { "-9223372036854775808", ParameterType.Integer, "-9223372036854775808" },
        { "9223372036854775808", ParameterType.Double, "9.223372036854776E+18" }, // strtoll ERANGE -> strtod
        { "08", ParameterType.Double, "8.0" }, // octal stops at '8', strtod reads 8
        { "3.14", ParameterType.Double, "3.14" },
        { "2.718", ParameterType.Double, "2.718" },
        { "1e3", ParameterType.Double, "1000.0" },
        { "1.5E-3", ParameterType.Double, "0.0015" },
        { ".5", ParameterType.Double, "0.5" },
        { "5.", ParameterType.Double, "5.0" },
        { "-0.0", ParameterType.Double, "-0.0" },
        { "0x1p3", ParameterType.Double, "8.0" },
        { ".inf", ParameterType.Double, ".inf" },
        { "+.Inf", ParameterType.Double, ".inf" },
        { "-.INF", ParameterType.Double, "-.inf" },
        { ".nan", ParameterType.Double, ".nan" },
        { ".NaN", ParameterType.Double, ".nan" },
        { "inf", ParameterType.Double, ".inf" },
        { "-Infinity", ParameterType.Double, "-.inf" },
        { "nan", ParameterType.Double, ".nan" },
        { "1e400", ParameterType.String, "\"1e400\"" }, // strtod overflow (ERANGE) -> string
        { "1e-400", ParameterType.String, "\"1e-400\"" }, // strtod underflow (ERANGE) -> string
        { "1e", ParameterType.String, "\"1e\"" },
        { "1_000", ParameterType.String, "\"1_000\"" },
        { "0o17", ParameterType.String, "\"0o17\"" },
        { "1.2.3", ParameterType.String, "\"1.2.3\"" },
        { "true", ParameterType.Bool, "true" },
        { "True", ParameterType.Bool, "true" },
        { "TRUE", ParameterType.Bool, "true" },
        { "yes", ParameterType.Bool, "true" },
        { "Y", ParameterType.Bool, "true" },
        { "on", ParameterType.Bool, "true" },
        { "false", ParameterType.Bool, "false" },
        { "No", ParameterType.Bool, "false" },
        { "n", ParameterType.Bool, "false" },
        { "OFF", ParameterType.Bool, "false" },
        { "tRUE", ParameterType.String, "\"tRUE\"" },
        { "null", ParameterType.String, "\"null\"" },
        { "~", ParameterType.String, "\"~\"" },
        { "Hello world", ParameterType.String, "\"Hello world\"" },
        { "'42'", ParameterType.String, "\"42\"" },
        { "\"3.5\"", ParameterType.String, "\"3.5\"" },
        { "'true'", ParameterType.String, "\"true\"" },
        { "!!str 42", ParameterType.String, "\"42\"" },
        { "''", ParameterType.String, "\"\"" },
        { "/camera/image_raw", ParameterType.String, "\"/camera/image_raw\"" },
        { "[1, 2, 3, 4]", ParameterType.IntegerArray, "[1, 2, 3, 4]" },
        { "[3.14, 2.718]", ParameterType.DoubleArray, "[3.14, 2.718]" },
        { "[1.0, 2.0]", ParameterType.DoubleArray, "[1.0, 2.0]" },
        { "[true, off, y]", ParameterType.BoolArray, "[true, false, true]" },
        { "[a, 'b c', \"1\"]", ParameterType.StringArray, "[\"a\", \"b c\", \"1\"]" },
        { "['1', '2']", ParameterType.StringArray, "[\"1\", \"2\"]" },
        { "[0x10, 010, 7]", ParameterType.IntegerArray, "[16, 8, 7]" },
        { "- 1\n- 2", ParameterType.IntegerArray, "[1, 2]" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void ParseValue_YamlText_TypesAsRclYamlParamParser(string text, ParameterType type, string canonical)
    {
        var value = ParameterFile.ParseValue(text);
        Assert.Equal(type, value.Type);
        Assert.Equal(canonical, value.ToString());
    }

    public static TheoryData<string, string> InvalidCases => new()
    {
        { "", "no value" },
        { "# only a comment", "no value" },
        { "[]", "empty sequences" },
        { "[1, 2.5]", "same type" },
        { "[true, 1]", "same type" },
        { "[1, '2']", "same type" },
        { "[[1]]", "must be scalars" },
        { "[{a: 1}]", "must be scalars" },
        { "{a: 1}", "mapping" },
        { "a: 1", "mapping" },
        { "[1, 2", "YAML syntax error" },
        { "*anchor", "aliases are not supported" },
        { "1\n---\n2", "single YAML document" },
    };

    [Theory]
    [MemberData(nameof(InvalidCases))]
    public void ParseValue_InvalidText_ThrowsParameterFileException(string text, string reasonFragment)
    {
        var ex = Assert.Throws<ParameterFileException>(() => ParameterFile.ParseValue(text));
        Assert.Contains(reasonFragment, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseValue_Numbers_MatchIndependentParsers()
    {
        // Values checked against .NET's own parsers (an implementation other than the typer's).
        Assert.Equal(long.Parse("123456789012", System.Globalization.CultureInfo.InvariantCulture), ParameterFile.ParseValue("123456789012").AsInteger());
        Assert.Equal(Convert.ToInt64("777", 8), ParameterFile.ParseValue("0777").AsInteger());
        Assert.Equal(Convert.ToInt64("7fffffff", 16), ParameterFile.ParseValue("0x7fffffff").AsInteger());
        Assert.Equal(double.Parse("6.02214076e23", System.Globalization.CultureInfo.InvariantCulture), ParameterFile.ParseValue("6.02214076e23").AsDouble());
        Assert.Equal(Math.ScaleB(0x1A, -4), ParameterFile.ParseValue("0x1.Ap0").AsDouble());
    }
}
