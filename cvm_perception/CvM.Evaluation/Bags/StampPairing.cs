namespace CvM.Evaluation.Bags;

/// <summary>Pairs two stamp lists by nearest stamp.</summary>
internal static class StampPairing
{
    /// <summary>
    /// For each stamp of <paramref name="a"/> (in increasing order) the nearest unused stamp of <paramref name="b"/>
    /// within <paramref name="maxGapNs"/>; stamps without a partner are left out. Result sorted by the a stamp.
    /// </summary>
    public static List<(long Rgb, long Depth)> Pair(IEnumerable<long> a, IEnumerable<long> b, long maxGapNs)
    {
        var aSorted = a.Distinct().Order().ToArray();
        var bSorted = b.Distinct().Order().ToArray();
        var used = new bool[bSorted.Length];
        var pairs = new List<(long, long)>();
        foreach (long s in aSorted)
        {
            int pos = Array.BinarySearch(bSorted, s);
            if (pos < 0) pos = ~pos;
            int best = -1;
            long bestGap = long.MaxValue;
            for (int j = Math.Max(0, pos - 2); j < Math.Min(bSorted.Length, pos + 2); j++)
            {
                long gap = Math.Abs(bSorted[j] - s);
                if (!used[j] && gap <= maxGapNs && gap < bestGap) { best = j; bestGap = gap; }
            }
            if (best < 0) continue;
            used[best] = true;
            pairs.Add((s, bSorted[best]));
        }
        return pairs;
    }
}
