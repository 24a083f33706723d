namespace CvM.Training.Data;

/// <summary>
/// Deterministic seed mixing (SplitMix64 finaliser). Unlike <see cref="HashCode"/>, which is randomised per process,
/// the same inputs give the same value in every process and on every machine.
/// </summary>
public static class SeedMix
{
    /// <summary>Mixes two values into 64 well-spread bits.</summary>
    public static ulong Mix(long a, long b)
    {
        ulong z = unchecked((ulong)a * 0x9E3779B97F4A7C15UL + (ulong)b + 0x632BE59BD9B4E019UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return z ^ (z >> 31);
    }

    /// <summary>Mixes three values.</summary>
    public static ulong Mix(long a, long b, long c) => Mix(unchecked((long)Mix(a, b)), c);

    /// <summary>A non-negative 31-bit seed for <see cref="Random"/> from the mixed values.</summary>
    public static int Seed(long a, long b) => (int)(Mix(a, b) >> 33);

    /// <summary>A non-negative 31-bit seed from three values.</summary>
    public static int Seed(long a, long b, long c) => (int)(Mix(a, b, c) >> 33);
}
