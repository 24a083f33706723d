using System.Diagnostics;
using CvM.LiveBench;

try
{
    var options = LiveBenchOptions.Parse(args);
    return await LiveBenchRun.RunAsync(options, Console.Out).ConfigureAwait(false);
}
catch (ArgumentException e)
{
    await Console.Error.WriteLineAsync("livebench: " + e.Message).ConfigureAwait(false);
    return 2;
}
catch (UnreachableException e)
{
    await Console.Error.WriteLineAsync("livebench: " + e.Message).ConfigureAwait(false);
    return 3;
}
