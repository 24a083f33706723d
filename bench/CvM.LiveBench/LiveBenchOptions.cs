using System.Globalization;

namespace CvM.LiveBench;

/// <summary>Command line of the live benchmark: run length, input rate, warm-up, output folder.</summary>
internal sealed record LiveBenchOptions(double Seconds, double RateHz, double WarmupSeconds, string OutDir, int Frames, string Device, IReadOnlyList<string> NodeEnvironment)
{
    public static LiveBenchOptions Parse(string[] args)
    {
        double seconds = 60, rate = 30, warmup = 60;
        int frames = 60;
        string outDir = "bench/live/run", device = "auto";
        var env = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--seconds": seconds = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--rate": rate = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--warmup": warmup = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--frames": frames = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--device": device = Next(); break;
                case "--out": outDir = Next(); break;
                case "--node-env": env.Add(Next().Contains('=', StringComparison.Ordinal) ? args[i] : throw new ArgumentException("--node-env needs KEY=VALUE")); break;
                default: throw new ArgumentException($"unknown argument {args[i]} (--seconds N --rate HZ --warmup S --frames N --device auto|cpu|cuda --node-env KEY=VALUE --out DIR)");
            }
        }
        if (seconds <= 0 || rate <= 0 || rate > 1000 || warmup < 0 || frames < 2)
            throw new ArgumentException("need --seconds > 0, 0 < --rate <= 1000, --warmup >= 0, --frames >= 2");
        return new LiveBenchOptions(seconds, rate, warmup, outDir, frames, device, env);
    }
}
