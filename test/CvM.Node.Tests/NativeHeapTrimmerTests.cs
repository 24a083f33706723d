using System.Runtime.InteropServices;
using CvM.Node.Live;

namespace CvM.Node.Tests;

public sealed class NativeHeapTrimmerTests
{
    [Fact]
    public void TrimIfDue_AfterFreeingNativeBlocks_TrimsOnceAPeriod()
    {
        // free a few hundred KB-sized C-heap blocks, then trim: glibc's malloc_trim exists on every Linux this runs on
        var blocks = Enumerable.Range(0, 64).Select(_ => Marshal.AllocHGlobal(200_000)).ToArray();
        foreach (var b in blocks) Marshal.FreeHGlobal(b);
        var before = NativeHeapTrimmer.Trims;
        NativeHeapTrimmer.TrimIfDue(TimeSpan.Zero);
        var after = NativeHeapTrimmer.Trims;
        Assert.True(after >= before + 1, $"{before} -> {after}"); // (a live node test in parallel may trim too)
        Assert.True(NativeHeapTrimmer.LastTrimMicroseconds >= 0);
        // not due again within an hour (nor for a node's 5 s period, right after a trim)
        NativeHeapTrimmer.TrimIfDue(TimeSpan.FromHours(1));
        Assert.Equal(after, NativeHeapTrimmer.Trims);
    }
}
