using CvM.TestSupport;
using Xunit.Sdk;

namespace CvM.Messages.Tests;

/// <summary>The windowed allocation check still catches a per-iteration allocation and passes a clean loop.</summary>
public sealed class SteadyStateAllocationTests
{
    private static object? _sink;

    [Fact]
    public void AssertSomeWindowAllocatesNothing_AllocationInEveryWindow_FailsListingEachWindow()
    {
        var ex = Assert.Throws<FailException>(() => SteadyStateAllocation.AssertSomeWindowAllocatesNothing(() =>
        {
            for (var i = 0; i < 10; i++) _sink = new byte[100];
        }, "allocating loop", maxWindows: 3));
        Assert.Contains("allocating loop", ex.Message);
        Assert.Equal(3, ex.Message.Split(':')[^1].Split(',').Length);
    }

    [Fact]
    public void AssertSomeWindowAllocatesNothing_CleanLoop_PassesInTheFirstWindow()
    {
        var data = new int[64];
        var sum = 0;
        void Loop()
        {
            for (var i = 0; i < data.Length; i++) sum += data[i];
        }
        Loop();
        Assert.Equal(1, SteadyStateAllocation.AssertSomeWindowAllocatesNothing(Loop, "summing loop"));
        Assert.Equal(0, sum);
    }
}
