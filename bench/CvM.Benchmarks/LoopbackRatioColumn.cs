using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace CvM.Benchmarks;

/// <summary>
/// Columns for <see cref="LoopbackThroughputBenchmarks"/>: Cyclone's <c>ddsperf</c> in-process image rate (measured by
/// <see cref="LoopbackDdsperf"/> once per run, when the summary is built) and the ratio of our rate (1 / mean time per
/// image) to it.
/// </summary>
internal sealed class LoopbackRatioColumn(bool isRatio) : IColumn
{
    public string Id => isRatio ? "CvM.LoopbackRatio" : "CvM.DdsperfRate";
    public string ColumnName => isRatio ? "Ours/ddsperf" : "ddsperf img/s";
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Custom;
    public int PriorityInCategory => isRatio ? 1 : 0;
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Dimensionless;
    public string Legend => isRatio
        ? "our images/s divided by ddsperf's (same process, payload size, loopback config)"
        : "samples/s of `ddsperf -L pub size S sub waitset`, mean of its per-second reports after the first";

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    public bool IsAvailable(Summary summary) => true;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var reference = LoopbackDdsperf.Result.Value;
        if (reference.Rate is not { } rate) return "n/a: " + reference.Error;
        if (!isRatio) return rate.ToString("F0", System.Globalization.CultureInfo.InvariantCulture);
        var mean = summary[benchmarkCase]?.ResultStatistics?.Mean;
        if (mean is not { } ns || ns <= 0) return "n/a";
        return (1e9 / ns / rate).ToString("F2", System.Globalization.CultureInfo.InvariantCulture);
    }
}
