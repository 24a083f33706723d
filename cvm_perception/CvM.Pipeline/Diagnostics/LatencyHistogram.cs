using System.Diagnostics;

namespace CvM.Pipeline.Diagnostics;

/// <summary>
/// A fixed-size latency histogram: <see cref="BinsPerOctave"/> logarithmic bins per doubling from 1 µs to about
/// 2^<see cref="Octaves"/> µs (values outside go to the first or last bin). Recording is lock-free and allocates
/// nothing; percentiles are read with the bin's geometric centre (relative error under 5 %). Thread-safe.
/// </summary>
public sealed class LatencyHistogram
{
    /// <summary>Bins per factor of two.</summary>
    public const int BinsPerOctave = 8;

    /// <summary>Octaves covered above 1 µs (2^27 µs is about 134 s).</summary>
    public const int Octaves = 27;

    private readonly long[] _bins = new long[BinsPerOctave * Octaves];
    private long _count;
    private long _sumTicks;
    private long _maxTicks;

    /// <summary>Samples recorded.</summary>
    public long Count => Interlocked.Read(ref _count);

    /// <summary>Mean in milliseconds (0 when empty).</summary>
    public double MeanMs
    {
        get
        {
            var n = Count;
            return n == 0 ? 0 : Interlocked.Read(ref _sumTicks) * 1000.0 / Stopwatch.Frequency / n;
        }
    }

    /// <summary>Largest sample in milliseconds.</summary>
    public double MaxMs => Interlocked.Read(ref _maxTicks) * 1000.0 / Stopwatch.Frequency;

    /// <summary>Records a duration in <see cref="Stopwatch"/> ticks (negative values count as 0).</summary>
    public void RecordTicks(long ticks)
    {
        if (ticks < 0) ticks = 0;
        var us = ticks * 1_000_000.0 / Stopwatch.Frequency;
        Interlocked.Increment(ref _bins[BinOf(us)]);
        Interlocked.Increment(ref _count);
        Interlocked.Add(ref _sumTicks, ticks);
        long seen;
        while (ticks > (seen = Interlocked.Read(ref _maxTicks)) && Interlocked.CompareExchange(ref _maxTicks, ticks, seen) != seen)
        {
        }
    }

    /// <summary>Records a duration in milliseconds.</summary>
    public void RecordMs(double ms) => RecordTicks((long)(ms * Stopwatch.Frequency / 1000.0));

    /// <summary>Records the time from <paramref name="startTicks"/> to now.</summary>
    public void RecordSince(long startTicks) => RecordTicks(Stopwatch.GetTimestamp() - startTicks);

    /// <summary>The <paramref name="percentile"/> (0..100) in milliseconds, or NaN when empty.</summary>
    public double PercentileMs(double percentile)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(percentile, 0.0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percentile, 100.0);
        var n = Count;
        if (n == 0) return double.NaN;
        var rank = Math.Max(1, (long)Math.Ceiling(percentile / 100.0 * n));
        long seen = 0;
        for (var i = 0; i < _bins.Length; i++)
        {
            seen += Interlocked.Read(ref _bins[i]);
            if (seen >= rank) return CentreUs(i) / 1000.0;
        }
        return CentreUs(_bins.Length - 1) / 1000.0;
    }

    /// <summary>Forgets all samples.</summary>
    public void Reset()
    {
        for (var i = 0; i < _bins.Length; i++) Interlocked.Exchange(ref _bins[i], 0);
        Interlocked.Exchange(ref _count, 0);
        Interlocked.Exchange(ref _sumTicks, 0);
        Interlocked.Exchange(ref _maxTicks, 0);
    }

    internal static int BinOf(double us)
    {
        if (!(us > 1)) return 0;
        var b = (int)(Math.Log2(us) * BinsPerOctave);
        return Math.Clamp(b, 0, BinsPerOctave * Octaves - 1);
    }

    internal static double CentreUs(int bin) => Math.Pow(2, (bin + 0.5) / BinsPerOctave);
}
