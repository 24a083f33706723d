// Compiled only when bench/CvM.Benchmarks references CvM.Bags and defines CVM_BENCH_BAGS (see the CvM.Bags report):
// until then the benchmark project builds without it.
#if CVM_BENCH_BAGS
using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace CvM.Benchmarks;

/// <summary>Read throughput of <see cref="BagReadBenchmarks"/>: the bag file's size divided by the mean time (MB/s, 1 MB = 10^6 bytes).</summary>
internal sealed class BagThroughputColumn : IColumn
{
    public string Id => "CvM.BagThroughput";
    public string ColumnName => "MB/s";
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Custom;
    public int PriorityInCategory => 0;
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Dimensionless;
    public string Legend => "bytes of the bag's .mcap file / mean time per whole-bag pass";

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    public bool IsAvailable(Summary summary) => true;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var file = BagReadBenchmarks.FindBagFile();
        var mean = summary[benchmarkCase]?.ResultStatistics?.Mean;
        if (file is null) return "n/a: no shared data";
        if (mean is not { } ns || ns <= 0) return "n/a";
        return (new FileInfo(file).Length / (ns / 1e9) / 1e6).ToString("F0", CultureInfo.InvariantCulture);
    }
}
#endif
