#if CVM_BENCH_BAGS
using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace CvM.Benchmarks;

/// <summary>Columns of <see cref="BagReadBenchmarks"/> from <see cref="BagCpuProbe"/>: process CPU ms per pass, or the load average during the run.</summary>
internal sealed class BagCpuColumn(bool load) : IColumn
{
    public string Id => load ? "CvM.BagLoad" : "CvM.BagCpu";
    public string ColumnName => load ? "load1" : "CPU ms/op";
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Custom;
    public int PriorityInCategory => load ? 2 : 1;
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Dimensionless;
    public string Legend => load
        ? "1-minute load average of the machine (/proc/loadavg), mean of its values when the benchmark's process started and ended"
        : "process CPU time (all threads) per pass, over every invocation of the benchmark's process";

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    public bool IsAvailable(Summary summary) => true;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        if (BagCpuProbe.Read(benchmarkCase.Descriptor.WorkloadMethod.Name) is not { } r) return "n/a";
        return (load ? r.Load : r.CpuMs).ToString("F1", CultureInfo.InvariantCulture);
    }
}
#endif
