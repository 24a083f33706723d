using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using CvM.Messages.BuiltinInterfaces;
using CvM.Messages.Cdr;
using CvM.Messages.SensorMsgs;
using CvM.Messages.StdMsgs;
using CvM.Ros.Dds;

namespace CvM.Benchmarks;

/// <summary>
/// Runs Cyclone's <c>ddsperf -L -D 6 -i DOMAIN pub size S sub waitset</c> (publisher and subscriber in one process,
/// reliable, payload S = our encoded 640x480 rgb8 image size) with <c>CYCLONEDDS_URI</c> set to the same
/// 127.0.0.1-only configuration our benchmark uses, and averages its per-second sample rates after the first second.
/// </summary>
internal static partial class LoopbackDdsperf
{
    public sealed record Measurement(double? Rate, string Error);

    public static readonly Lazy<Measurement> Result = new(Measure);

    private static Measurement Measure()
    {
        try
        {
            var size = PayloadSize();
            var domain = LoopbackThroughputBenchmarks.DomainId + 1;
            var psi = new ProcessStartInfo("ddsperf")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var a in new[] { "-L", "-D", "6", "-i", domain.ToString(CultureInfo.InvariantCulture), "pub", "size",
                         size.ToString(CultureInfo.InvariantCulture), "sub", "waitset" })
                psi.ArgumentList.Add(a);
            psi.Environment["CYCLONEDDS_URI"] = CycloneConfig.Loopback.ToXml(domain);
            using var p = Process.Start(psi) ?? throw new InvalidOperationException("ddsperf did not start");
            var stdout = p.StandardOutput.ReadToEndAsync();
            var stderr = p.StandardError.ReadToEndAsync();
            if (!p.WaitForExit(TimeSpan.FromSeconds(30)))
            {
                p.Kill(entireProcessTree: true);
                return new Measurement(null, "ddsperf timed out");
            }
            var deltas = RateLine().Matches(stdout.Result + stderr.Result)
                .Select(m => double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture))
                .ToList();
            if (deltas.Count < 2) return new Measurement(null, "no ddsperf rate lines (exit " + p.ExitCode + ")");
            var rate = deltas.Skip(1).Average();
            Console.WriteLine($"// ddsperf -L pub size {size} sub waitset: per-second samples {string.Join(' ', deltas)} -> {rate:F0}/s");
            return new Measurement(rate, "");
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            return new Measurement(null, "ddsperf not runnable (apt-get install cyclonedds-tools): " + e.Message);
        }
    }

    private static int PayloadSize()
    {
        var image = new Image
        {
            Header = new Header(new Time(1, 2), "camera_optical"),
            Height = LoopbackThroughputBenchmarks.Height,
            Width = LoopbackThroughputBenchmarks.Width,
            Encoding = "rgb8",
            Step = LoopbackThroughputBenchmarks.Step,
            Data = new byte[LoopbackThroughputBenchmarks.Step * LoopbackThroughputBenchmarks.Height],
        };
        return CdrCodec.SerializeToArray(image).Length;
    }

    // "[pid] 2.000  size 921654 total 5346 lost 0 delta 2476 lost 0 rate 2.48 kS/s ..."
    [GeneratedRegex(@"size \d+ total \d+ lost \d+ delta (\d+) lost \d+ rate")]
    private static partial Regex RateLine();
}
