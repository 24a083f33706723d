using System.Globalization;
using System.Numerics;

namespace CvM.Ros.Parameters;

/// <summary>
/// Types a YAML scalar the way <c>rcl_yaml_param_parser</c>'s <c>get_value</c> does: a <c>!!str</c> tag or
/// quotes make a string; otherwise YAML 1.1 booleans (<c>true/True/TRUE/yes/on/y</c>, ...), then a whole-string
/// <c>strtoll(s, 0)</c> integer (decimal, <c>0x</c> hex, leading-<c>0</c> octal; overflow is not an integer),
/// then a whole-string <c>strtod</c> double (<c>.nan</c>, <c>.inf</c>, <c>inf</c>, <c>nan</c>, hex floats;
/// overflow or underflow is not a double), else a string.
/// </summary>
internal static class YamlScalarTyper
{
    private static readonly HashSet<string> TrueWords = ["Y", "y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"];
    private static readonly HashSet<string> FalseWords = ["N", "n", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"];

    /// <summary>Types <paramref name="text"/>; <paramref name="quotedOrStrTag"/> forces a string.</summary>
    public static ParameterValue Type(string text, bool quotedOrStrTag)
    {
        if (quotedOrStrTag) return ParameterValue.FromString(text);
        if (TrueWords.Contains(text)) return ParameterValue.FromBool(true);
        if (FalseWords.Contains(text)) return ParameterValue.FromBool(false);
        if (TryParseCInteger(text, out var integer)) return ParameterValue.FromInteger(integer);
        if (TryParseCDouble(text, out var real)) return ParameterValue.FromDouble(real);
        return ParameterValue.FromString(text);
    }

    /// <summary>Emulates <c>strtoll(text, &amp;end, 0)</c> succeeding on the whole string without ERANGE.</summary>
    public static bool TryParseCInteger(string text, out long value)
    {
        value = 0;
        var i = SkipSpace(text, 0);
        var negative = false;
        if (i < text.Length && (text[i] == '+' || text[i] == '-'))
        {
            negative = text[i] == '-';
            i++;
        }
        int radix;
        if (i + 1 < text.Length && text[i] == '0' && (text[i + 1] == 'x' || text[i + 1] == 'X') && i + 2 < text.Length && IsDigit(text[i + 2], 16))
        {
            radix = 16;
            i += 2;
        }
        else if (i < text.Length && text[i] == '0')
        {
            radix = 8;
        }
        else
        {
            radix = 10;
        }
        var start = i;
        BigInteger magnitude = 0;
        while (i < text.Length && IsDigit(text[i], radix))
        {
            magnitude = magnitude * radix + DigitValue(text[i]);
            i++;
        }
        if (i == start || i != text.Length) return false;
        var signed = negative ? -magnitude : magnitude;
        if (signed > long.MaxValue || signed < long.MinValue) return false;
        value = (long)signed;
        return true;
    }

    /// <summary>Emulates glibc <c>strtod</c> succeeding on the whole string without ERANGE, plus rcl's YAML <c>.inf/.nan</c> words.</summary>
    public static bool TryParseCDouble(string text, out double value)
    {
        value = 0;
        switch (text)
        {
            case ".nan" or ".NaN" or ".NAN":
                value = double.NaN;
                return true;
            case ".inf" or ".Inf" or ".INF" or "+.inf" or "+.Inf" or "+.INF":
                value = double.PositiveInfinity;
                return true;
            case "-.inf" or "-.Inf" or "-.INF":
                value = double.NegativeInfinity;
                return true;
        }
        var i = SkipSpace(text, 0);
        var negative = false;
        if (i < text.Length && (text[i] == '+' || text[i] == '-'))
        {
            negative = text[i] == '-';
            i++;
        }
        var rest = text.AsSpan(i);
        if (rest.Length == 0) return false;
        if (IsWord(rest, "inf") || IsWord(rest, "infinity"))
        {
            value = negative ? double.NegativeInfinity : double.PositiveInfinity;
            return true;
        }
        if (IsNan(rest))
        {
            value = negative ? -double.NaN : double.NaN;
            return true;
        }
        double magnitude;
        bool nonZeroDigits;
        if (rest.Length > 2 && rest[0] == '0' && (rest[1] == 'x' || rest[1] == 'X'))
        {
            if (!TryParseHexFloat(rest[2..], out magnitude, out nonZeroDigits)) return false;
        }
        else
        {
            if (!IsDecimalFloat(rest)) return false;
            magnitude = double.Parse(rest, NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture);
            nonZeroDigits = HasNonZeroMantissaDigit(rest);
        }
        // glibc sets ERANGE on overflow and on underflow (zero or subnormal from non-zero digits).
        if (double.IsInfinity(magnitude)) return false;
        if (nonZeroDigits && (magnitude == 0 || double.IsSubnormal(magnitude))) return false;
        value = negative ? -magnitude : magnitude;
        return true;
    }

    private static bool IsDecimalFloat(ReadOnlySpan<char> s)
    {
        var i = 0;
        var digits = 0;
        while (i < s.Length && char.IsAsciiDigit(s[i]))
        {
            i++;
            digits++;
        }
        if (i < s.Length && s[i] == '.')
        {
            i++;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                i++;
                digits++;
            }
        }
        if (digits == 0) return false;
        if (i < s.Length && (s[i] == 'e' || s[i] == 'E'))
        {
            var j = i + 1;
            if (j < s.Length && (s[j] == '+' || s[j] == '-')) j++;
            var expStart = j;
            while (j < s.Length && char.IsAsciiDigit(s[j])) j++;
            // strtod leaves a dangling 'e' unconsumed: then the string is not wholly a number.
            if (j == expStart) return false;
            i = j;
        }
        return i == s.Length;
    }

    private static bool HasNonZeroMantissaDigit(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            if (c is 'e' or 'E') break;
            if (c is >= '1' and <= '9') return true;
        }
        return false;
    }

    private static bool TryParseHexFloat(ReadOnlySpan<char> s, out double value, out bool nonZeroDigits)
    {
        value = 0;
        nonZeroDigits = false;
        var i = 0;
        var digits = 0;
        var mantissa = 0.0;
        var exponent = 0;
        while (i < s.Length && IsDigit(s[i], 16))
        {
            mantissa = mantissa * 16 + DigitValue(s[i]);
            nonZeroDigits |= s[i] != '0';
            i++;
            digits++;
        }
        if (i < s.Length && s[i] == '.')
        {
            i++;
            while (i < s.Length && IsDigit(s[i], 16))
            {
                mantissa = mantissa * 16 + DigitValue(s[i]);
                nonZeroDigits |= s[i] != '0';
                exponent -= 4;
                i++;
                digits++;
            }
        }
        if (digits == 0) return false;
        if (i < s.Length && (s[i] == 'p' || s[i] == 'P'))
        {
            var j = i + 1;
            var negative = false;
            if (j < s.Length && (s[j] == '+' || s[j] == '-'))
            {
                negative = s[j] == '-';
                j++;
            }
            var expStart = j;
            var binaryExponent = 0;
            while (j < s.Length && char.IsAsciiDigit(s[j]))
            {
                binaryExponent = Math.Min(binaryExponent * 10 + (s[j] - '0'), 100000);
                j++;
            }
            if (j == expStart) return false;
            exponent += negative ? -binaryExponent : binaryExponent;
            i = j;
        }
        if (i != s.Length) return false;
        value = mantissa * Math.Pow(2, exponent);
        return true;
    }

    private static bool IsNan(ReadOnlySpan<char> s)
    {
        if (s.Length < 3 || !s[..3].Equals("nan", StringComparison.OrdinalIgnoreCase)) return false;
        if (s.Length == 3) return true;
        if (s[3] != '(' || s[^1] != ')') return false;
        foreach (var c in s[4..^1])
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_') return false;
        }
        return true;
    }

    private static bool IsWord(ReadOnlySpan<char> s, string word) => s.Equals(word, StringComparison.OrdinalIgnoreCase);

    private static int SkipSpace(string s, int i)
    {
        while (i < s.Length && s[i] is ' ' or '\t' or '\n' or '\v' or '\f' or '\r') i++;
        return i;
    }

    private static bool IsDigit(char c, int radix) => radix switch
    {
        8 => c is >= '0' and <= '7',
        10 => char.IsAsciiDigit(c),
        _ => char.IsAsciiHexDigit(c),
    };

    private static int DigitValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        _ => c - 'A' + 10,
    };
}
