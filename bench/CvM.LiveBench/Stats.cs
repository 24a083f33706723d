namespace CvM.LiveBench;

/// <summary>Percentiles (nearest rank on a sorted copy) and means.</summary>
internal static class Stats
{
    public static double Percentile(IReadOnlyCollection<double> values, double p)
    {
        if (values.Count == 0) return double.NaN;
        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(p / 100.0 * sorted.Length) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
    }

    public static double Max(IReadOnlyCollection<double> values) => values.Count == 0 ? double.NaN : values.Max();
}
