using System.Globalization;

namespace CvM.Inference;

/// <summary>
/// How 8-bit (or 16-bit) RGB becomes the model's float input: <c>x = (v / vmax - Mean[c]) / Std[c]</c>, planar RGB.
/// Parsed from the manifest's <c>normalisation</c> text: it must start with <c>RGB in [0,1]</c> (the training tool's
/// contract: the graph itself scales by 255 and subtracts its mean) and may add <c>mean=r/g/b</c> and
/// <c>std=r/g/b</c> applied on the [0,1] values.
/// </summary>
public sealed record PixelNormalisation(float MeanR, float MeanG, float MeanB, float StdR, float StdG, float StdB)
{
    /// <summary>Values in [0,1], nothing subtracted.</summary>
    public static PixelNormalisation UnitRange { get; } = new(0, 0, 0, 1, 1, 1);

    /// <summary>True when mean is 0 and std 1 (a plain division).</summary>
    public bool IsUnitRange => MeanR == 0 && MeanG == 0 && MeanB == 0 && StdR == 1 && StdG == 1 && StdB == 1;

    /// <summary>Parses the manifest text; throws <see cref="FormatException"/> for text it does not understand.</summary>
    public static PixelNormalisation Parse(string text)
    {
        var t = text.Trim();
        if (!t.StartsWith("RGB in [0,1]", StringComparison.OrdinalIgnoreCase))
            throw new FormatException($"unsupported normalisation '{text}' (expected it to start with 'RGB in [0,1]')");
        var mean = Triple(t, "mean=", 0f);
        var std = Triple(t, "std=", 1f);
        if (!(std.Item1 > 0 && std.Item2 > 0 && std.Item3 > 0)) throw new FormatException("normalisation std must be positive");
        return new PixelNormalisation(mean.Item1, mean.Item2, mean.Item3, std.Item1, std.Item2, std.Item3);
    }

    private static (float, float, float) Triple(string text, string key, float fallback)
    {
        var i = text.IndexOf(key, StringComparison.OrdinalIgnoreCase);
        if (i < 0) return (fallback, fallback, fallback);
        var rest = text[(i + key.Length)..];
        var end = rest.IndexOfAny([' ', ',', ';', ')']);
        var parts = (end < 0 ? rest : rest[..end]).Split('/');
        if (parts.Length != 3) throw new FormatException($"normalisation {key} needs r/g/b");
        float P(string s) => float.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);
        return (P(parts[0]), P(parts[1]), P(parts[2]));
    }
}
