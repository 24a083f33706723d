// Compiled when bench/CvM.Benchmarks defines CVM_BENCH_BAGS (it does, and references CvM.Bags).
#if CVM_BENCH_BAGS
using BenchmarkDotNet.Attributes;
using CvM.Bags;
using CvM.Messages.Cdr;
using CvM.Messages.NavMsgs;
using CvM.Messages.SensorMsgs;
using CvM.Messages.Tf2Msgs;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace CvM.Benchmarks;

/// <summary>
/// Read throughput of the real 21 MB bag <c>../shared/data/rosbags/redkitchen_seq50_stride2</c> (9 zstd chunks,
/// 38.4 MB decompressed): a plain read of the .mcap file (the baseline of each category), our reader (index +
/// zstd + CRC, chunks decompressed ahead on workers), the same without read-ahead, and our reader plus CDR decode of
/// every message (images decoded into a reused pixel buffer). Category <c>warm</c>: file in the page cache;
/// <c>cold</c>: the file's pages evicted with <c>posix_fadvise(DONTNEED)</c> before each pass, so it comes from the
/// disk. The Ratio column is the time relative to the plain read of the same category; MB/s is the .mcap size over
/// the mean time. Each benchmark returns 0 at once when the shared data is absent. Run:
/// <c>dotnet run -c Release --project bench/CvM.Benchmarks -- --filter '*BagRead*' -j short</c>.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Config))]
[GroupBenchmarksBy(BenchmarkDotNet.Configs.BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public partial class BagReadBenchmarks
{
    private const int PosixFadviseDontNeed = 4;

    [LibraryImport("libc", EntryPoint = "posix_fadvise")]
    private static partial int PosixFadvise(SafeFileHandle fd, long offset, long length, int advice);

    /// <summary>Drops the file's pages from the page cache (Linux; a no-op elsewhere).</summary>
    private void Evict()
    {
        if (_file is null || !OperatingSystem.IsLinux()) return;
        using var h = File.OpenHandle(_file);
        _ = PosixFadvise(h, 0, 0, PosixFadviseDontNeed);
    }

    [Benchmark(Baseline = true, Description = "plain file read, cold")]
    [BenchmarkCategory("cold")]
    public long PlainReadCold()
    {
        BagCpuProbe.Count(nameof(PlainReadCold));
        Evict();
        return ReadFile();
    }

    [Benchmark(Description = "bag read (index+zstd+CRC, read-ahead), cold")]
    [BenchmarkCategory("cold")]
    public long BagReadCold()
    {
        BagCpuProbe.Count(nameof(BagReadCold));
        Evict();
        return BagRead(BagReadOptions.Default);
    }

    [Benchmark(Description = "bag read + CDR decode, cold")]
    [BenchmarkCategory("cold")]
    public long BagReadDecodeCold()
    {
        BagCpuProbe.Count(nameof(BagReadDecodeCold));
        Evict();
        return Decode();
    }

    private sealed class Config : BenchmarkDotNet.Configs.ManualConfig
    {
        public Config() => AddColumn(new BagThroughputColumn(), new BagCpuColumn(load: false), new BagCpuColumn(load: true));
    }

    private string? _bagDirectory;
    private string? _file;
    private readonly byte[] _readBuffer = new byte[1 << 20];
    private readonly byte[] _pixels = new byte[640 * 480 * 3];

    /// <summary>The bag's .mcap file, or null when ../shared/data is absent.</summary>
    public static string? FindBagFile()
    {
        var dir = FindBagDirectory();
        return dir is null ? null : Directory.EnumerateFiles(dir, "*.mcap").FirstOrDefault();
    }

    private static string? FindBagDirectory()
    {
        var env = Environment.GetEnvironmentVariable("CVM_SHARED_DATA");
        var roots = new List<string>();
        if (!string.IsNullOrEmpty(env)) roots.Add(env);
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var d = new DirectoryInfo(start); d is not null; d = d.Parent)
                if (File.Exists(Path.Combine(d.FullName, "CvM.Robotics.sln"))) roots.Add(Path.Combine(d.FullName, "..", "shared", "data"));
        }
        return roots.Select(r => Path.GetFullPath(Path.Combine(r, "rosbags", "redkitchen_seq50_stride2")))
            .FirstOrDefault(p => File.Exists(Path.Combine(p, BagMetadataYaml.FileName)));
    }

    [GlobalSetup]
    public void Setup()
    {
        _bagDirectory = FindBagDirectory();
        _file = FindBagFile();
        if (_file is null) Console.WriteLine("BagReadBenchmarks: ../shared/data is absent; every benchmark returns 0.");
        BagCpuProbe.Start();
    }

    [GlobalCleanup]
    public void Cleanup() => BagCpuProbe.Stop();

    [Benchmark(Baseline = true, Description = "plain file read")]
    [BenchmarkCategory("warm")]
    public long PlainRead()
    {
        BagCpuProbe.Count(nameof(PlainRead));
        return ReadFile();
    }

    private long ReadFile()
    {
        if (_file is null) return 0;
        using SafeFileHandle h = File.OpenHandle(_file, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.SequentialScan);
        long total = 0;
        for (int n; (n = RandomAccess.Read(h, _readBuffer, total)) > 0;) total += n;
        return total;
    }

    [Benchmark(Description = "bag read (index+zstd+CRC, read-ahead)")]
    [BenchmarkCategory("warm")]
    public long BagRead()
    {
        BagCpuProbe.Count(nameof(BagRead));
        return BagRead(BagReadOptions.Default);
    }

    [Benchmark(Description = "bag read (index+zstd+CRC, no read-ahead)")]
    [BenchmarkCategory("warm")]
    public long BagReadSequential()
    {
        BagCpuProbe.Count(nameof(BagReadSequential));
        return BagRead(Sequential);
    }

    [Benchmark(Description = "bag read (index+zstd, no CRC, read-ahead)")]
    [BenchmarkCategory("warm")]
    public long BagReadNoCrc()
    {
        BagCpuProbe.Count(nameof(BagReadNoCrc));
        return BagRead(WithoutCrc);
    }

    private static readonly BagReadOptions Sequential = new() { ReadAheadChunks = 0 };
    private static readonly BagReadOptions WithoutCrc = new(VerifyCrc: false);

    private long BagRead(BagReadOptions options)
    {
        if (_bagDirectory is null) return 0;
        using var bag = BagReader.Open(_bagDirectory, options);
        long total = 0;
        foreach (var m in bag.ReadMessages()) total += m.Data.Length;
        return total;
    }

    [Benchmark(Description = "bag read + CDR decode (read-ahead)")]
    [BenchmarkCategory("warm")]
    public long BagReadDecode()
    {
        BagCpuProbe.Count(nameof(BagReadDecode));
        return Decode();
    }

    private long Decode()
    {
        if (_bagDirectory is null) return 0;
        using var bag = BagReader.Open(_bagDirectory);
        long total = 0;
        foreach (var m in bag.ReadMessages())
        {
            var span = m.Data.Span;
            switch (m.Topic.Type)
            {
                case "sensor_msgs/msg/Image":
                    total += Image.DecodeInto(span, _pixels).Height;
                    break;
                case "sensor_msgs/msg/CameraInfo":
                    total += CdrCodec.Deserialize<CameraInfo>(span).Width;
                    break;
                case "nav_msgs/msg/Odometry":
                    total += CdrCodec.Deserialize<Odometry>(span).Header.Stamp.Sec;
                    break;
                case "tf2_msgs/msg/TFMessage":
                    total += CdrCodec.Deserialize<TFMessage>(span).Transforms.Length;
                    break;
            }
        }
        return total;
    }
}
#endif
