namespace CvM.Synthetic.Internal;

/// <summary>
/// SplitMix64 random numbers: the same seed gives the same sequence on every machine and runtime (unlike
/// <see cref="Random"/>, whose algorithm is not specified). Not thread-safe; one instance per generator.
/// </summary>
internal sealed class DetRandom
{
    private ulong _state;

    public DetRandom(long seed) => _state = (ulong)seed ^ 0x9E3779B97F4A7C15UL;

    public ulong NextU64()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextU64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [lo, hi).</summary>
    public double Range(double lo, double hi) => lo + (hi - lo) * NextDouble();

    /// <summary>Uniform integer in [0, n).</summary>
    public int NextInt(int n) => (int)(NextU64() % (ulong)n);

    /// <summary>True with probability p.</summary>
    public bool Chance(double p) => NextDouble() < p;

    /// <summary>Approximately standard normal (sum of 4 uniforms, scaled), using only +,-,* and constants.</summary>
    public double Gaussian() => (NextDouble() + NextDouble() + NextDouble() + NextDouble() - 2.0) * 1.7320508075688772;

    /// <summary>A unit 2-D direction drawn uniformly (rejection sampling, sqrt only: bit-reproducible).</summary>
    public (double Cos, double Sin) Direction2()
    {
        while (true)
        {
            var x = Range(-1, 1);
            var y = Range(-1, 1);
            var r2 = x * x + y * y;
            if (r2 > 1e-4 && r2 <= 1)
            {
                var r = Math.Sqrt(r2);
                return (x / r, y / r);
            }
        }
    }
}
