namespace CvM.Node.Cli;

/// <summary>
/// A verb's own arguments (outside <c>--ros-args</c>): positionals and <c>--name value</c> / <c>--flag</c> options,
/// checked against the verb's known options (anything else is a <see cref="UsageException"/>). Immutable.
/// </summary>
public sealed class VerbOptions
{
    private readonly Dictionary<string, string?> _options;

    private VerbOptions(List<string> positionals, Dictionary<string, string?> options)
    {
        Positionals = positionals;
        _options = options;
    }

    /// <summary>Arguments that are not options, in order.</summary>
    public IReadOnlyList<string> Positionals { get; }

    /// <summary>True when <c>--help</c> or <c>-h</c> was given.</summary>
    public bool Help => _options.ContainsKey("help");

    /// <summary>
    /// Parses <paramref name="args"/>; <paramref name="valued"/> options take a value, <paramref name="flags"/> do not.
    /// </summary>
    public static VerbOptions Parse(IEnumerable<string> args, IReadOnlyCollection<string> valued, IReadOnlyCollection<string> flags)
    {
        var positionals = new List<string>();
        var options = new Dictionary<string, string?>(StringComparer.Ordinal);
        using var e = args.GetEnumerator();
        while (e.MoveNext())
        {
            var a = e.Current;
            if (a is "-h" or "--help")
            {
                options["help"] = null;
                continue;
            }
            if (!a.StartsWith("--", StringComparison.Ordinal))
            {
                positionals.Add(a);
                continue;
            }
            var name = a[2..];
            if (flags.Contains(name)) options[name] = null;
            else if (valued.Contains(name))
                options[name] = e.MoveNext() ? e.Current : throw new UsageException($"--{name} needs a value");
            else throw new UsageException($"unknown option {a}");
        }
        return new VerbOptions(positionals, options);
    }

    /// <summary>The value of <c>--name</c>, or <paramref name="fallback"/>.</summary>
    public string? Get(string name, string? fallback = null) => _options.TryGetValue(name, out var v) ? v : fallback;

    /// <summary>True when the flag <c>--name</c> was given.</summary>
    public bool Has(string name) => _options.ContainsKey(name);

    /// <summary>The integer value of <c>--name</c> in [<paramref name="min"/>, <paramref name="max"/>], or <paramref name="fallback"/>.</summary>
    public int GetInt(string name, int fallback, int min, int max)
    {
        var s = Get(name);
        if (s is null) return fallback;
        if (!int.TryParse(s, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var v) || v < min || v > max)
            throw new UsageException($"--{name} must be an integer in {min}..{max}, got '{s}'");
        return v;
    }
}
