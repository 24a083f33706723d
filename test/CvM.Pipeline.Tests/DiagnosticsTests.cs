using CvM.Pipeline.Diagnostics;
using CvM.TestSupport;

namespace CvM.Pipeline.Tests;

public sealed class DiagnosticsTests
{
    [Fact]
    public void TotalDrops_AfterDropsOfSeveralCauses_EqualsSnapshotSumWithoutAllocating()
    {
        var d = new PipelineDiagnostics();
        var causes = Enum.GetValues<DropCause>();
        for (var i = 0; i < causes.Length; i++)
            for (var n = 0; n <= i; n++) d.CountDrop(causes[i]);
        long expected = causes.Length * (causes.Length + 1) / 2;
        Assert.Equal(expected, d.TotalDrops);
        Assert.Equal(expected, d.Snapshot(PipelineState.Active, PipelineMode.Replay).TotalDrops);
        long sum = 0;
        SteadyStateAllocation.AssertSomeWindowAllocatesNothing(() =>
        {
            for (var i = 0; i < 100; i++) sum += d.TotalDrops;
        }, "PipelineDiagnostics.TotalDrops");
        Assert.True(sum >= 100 * expected);
    }
}
