namespace CvM.Ros.Arguments;

/// <summary>
/// The token rule of rcl's remapping lexer: a token starts with a letter or a single <c>_</c>, continues
/// with letters and digits, and may hold single underscores (<c>a_b</c>, <c>_x</c>, <c>a_</c>) but never
/// two in a row (<c>__node</c> and <c>__ns</c> are separate lexemes).
/// </summary>
internal static class RuleLexer
{
    /// <summary>Length of the token starting at <paramref name="i"/> (0 when none starts there).</summary>
    public static int TokenLength(string s, int i)
    {
        if (i >= s.Length) return 0;
        var j = i;
        if (s[j] == '_')
        {
            if (j + 1 < s.Length && s[j + 1] == '_') return 0;
            j++;
            if (j >= s.Length || !char.IsAsciiLetterOrDigit(s[j])) return 1;
        }
        else if (!char.IsAsciiLetter(s[j]))
        {
            return 0;
        }
        while (j < s.Length)
        {
            if (char.IsAsciiLetterOrDigit(s[j]))
            {
                j++;
            }
            else if (s[j] == '_')
            {
                j++;
                if (j >= s.Length || !char.IsAsciiLetterOrDigit(s[j])) break;
            }
            else
            {
                break;
            }
        }
        return j - i;
    }

    /// <summary>True when the whole of <paramref name="s"/> is one token.</summary>
    public static bool IsToken(string s) => s.Length > 0 && TokenLength(s, 0) == s.Length;

    /// <summary>
    /// Reads <c>token (sep token)*</c> from <paramref name="i"/> up to <paramref name="end"/>; wildcards and
    /// backreferences are named in the error because rcl reports them as not implemented.
    /// </summary>
    public static string? ReadSeparatedTokens(string s, int i, int end, char separator)
    {
        while (true)
        {
            if (i < end && s[i] == '*') return "wildcards ('*', '**') are not implemented in rcl";
            if (i < end && s[i] == '\\') return "backreferences are not implemented in rcl";
            var n = TokenLength(s, i);
            if (n == 0 || i + n > end) return $"expected a name token at offset {i}";
            i += n;
            if (i == end) return null;
            if (s[i] != separator) return $"unexpected '{s[i]}' at offset {i}";
            i++;
        }
    }
}
