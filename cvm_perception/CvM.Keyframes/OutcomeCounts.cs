using System.Runtime.CompilerServices;

namespace CvM.Keyframes;

/// <summary>
/// One counter per value of an outcome enum (accepted samples, drops by cause). Written by the one stage that owns
/// the component; read from any thread (diagnostics) with atomic 64-bit reads. The counter array is allocated once;
/// counting allocates nothing. <typeparamref name="TOutcome"/> must have an <see cref="int"/> underlying type and
/// non-negative values.
/// </summary>
public sealed class OutcomeCounts<TOutcome> where TOutcome : struct, Enum
{
    private readonly long[] _counts;

    /// <summary>Creates zeroed counters for every value of <typeparamref name="TOutcome"/>.</summary>
    public OutcomeCounts()
    {
        if (Enum.GetUnderlyingType(typeof(TOutcome)) != typeof(int))
            throw new ArgumentException($"{typeof(TOutcome).Name} must have an int underlying type");
        var max = 0;
        foreach (var value in Enum.GetValues<TOutcome>())
        {
            var i = ToIndex(value);
            if (i < 0) throw new ArgumentException($"{typeof(TOutcome).Name} has a negative value");
            max = Math.Max(max, i);
        }
        _counts = new long[max + 1];
    }

    /// <summary>How many times <paramref name="outcome"/> was counted.</summary>
    public long this[TOutcome outcome] => Interlocked.Read(ref _counts[ToIndex(outcome)]);

    /// <summary>Sum over all outcomes.</summary>
    public long Total
    {
        get
        {
            long sum = 0;
            for (var i = 0; i < _counts.Length; i++) sum += Interlocked.Read(ref _counts[i]);
            return sum;
        }
    }

    /// <summary>Counts one occurrence of <paramref name="outcome"/>.</summary>
    internal void Increment(TOutcome outcome) => Interlocked.Increment(ref _counts[ToIndex(outcome)]);

    private static int ToIndex(TOutcome outcome) => Unsafe.As<TOutcome, int>(ref outcome);
}
