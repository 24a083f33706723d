using System.Globalization;
using Microsoft.Diagnostics.Tracing;

// Managed allocations by type from an EventPipe trace of the runtime's GC AllocationTick events (one sample per
// about 100 KB allocated, with the type of the object that crossed the threshold). Used on the node under the live
// bench (bench/live/README.md, "Allocation by type"):
//   dotnet run -c Release --project bench/CvM.AllocTrace -- TRACE.nettrace [--skip SECONDS] [--top N]
if (args.Length == 0 || args[0] is "-h" or "--help")
{
    Console.WriteLine("usage: CvM.AllocTrace TRACE.nettrace [--skip SECONDS] [--top N]");
    Console.WriteLine("  Sums the GC AllocationTick samples of an EventPipe trace by type, after skipping the first SECONDS");
    Console.WriteLine("  (default 0) of samples; prints the top N types (default 25). Record the trace with");
    Console.WriteLine("  DOTNET_EnableEventPipe=1 DOTNET_EventPipeConfig=Microsoft-Windows-DotNETRuntime:0x1:5 DOTNET_EventPipeOutputPath=FILE.");
    return args.Length == 0 ? 2 : 0;
}
double skip = 0;
int top = 25;
for (int i = 1; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--skip" when i + 1 < args.Length:
            skip = double.Parse(args[++i], CultureInfo.InvariantCulture);
            break;
        case "--top" when i + 1 < args.Length:
            top = int.Parse(args[++i], CultureInfo.InvariantCulture);
            break;
        default:
            Console.Error.WriteLine($"unknown argument '{args[i]}' (see --help)");
            return 2;
    }
}
if (!File.Exists(args[0]))
{
    Console.Error.WriteLine($"no trace at '{args[0]}'");
    return 1;
}
using var source = new EventPipeEventSource(args[0]);
var byType = new Dictionary<string, (long Bytes, int Samples)>(StringComparer.Ordinal);
double first = -1, last = 0;
long total = 0;
int samples = 0;
source.Clr.GCAllocationTick += e =>
{
    var t = e.TimeStampRelativeMSec / 1000.0;
    if (first < 0) first = t;
    if (t - first < skip) return;
    last = t;
    var name = e.TypeName ?? "?";
    byType.TryGetValue(name, out var v);
    byType[name] = (v.Bytes + e.AllocationAmount64, v.Samples + 1);
    total += e.AllocationAmount64;
    samples++;
};
source.Process();
Console.WriteLine(FormattableString.Invariant($"{samples} samples, {total / 1024.0:F0} KiB over {Math.Max(0, last - first - skip):F1} s after skipping {skip} s"));
foreach (var kv in byType.OrderByDescending(k => k.Value.Bytes).Take(top))
    Console.WriteLine(FormattableString.Invariant($"{kv.Value.Bytes / 1024.0,10:F0} KiB {kv.Value.Samples,5}  {kv.Key}"));
return 0;
