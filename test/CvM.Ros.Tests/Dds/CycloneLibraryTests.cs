using CvM.Ros.Dds;

namespace CvM.Ros.Tests.Dds;

public sealed class CycloneLibraryTests
{
    [Fact]
    public void EnsureLoaded_InstalledLibddsc_LoadsAndPassesSymbolCheck()
    {
        var info = CycloneLibrary.EnsureLoaded();
        Assert.Contains("libddsc.so", info.LoadedFrom, StringComparison.Ordinal);
        Assert.True(info.SymbolsChecked >= 30);
    }

    [Fact]
    public void Probe_BogusNames_ThrowsNamingEveryCandidateAndFolder()
    {
        var ex = Assert.Throws<CycloneLibraryException>(() =>
            CycloneLibrary.Probe(["libddsc_bogus.so.9", "libnothere.so"], ["/nonexistent/ros/lib", "/nonexistent/other"]));
        Assert.Equal(6, ex.Attempts.Count); // 2 names x (system search + 2 folders)
        Assert.Contains("libddsc_bogus.so.9 (system search", ex.Message, StringComparison.Ordinal);
        Assert.Contains("/nonexistent/ros/lib/libddsc_bogus.so.9: not found", ex.Message, StringComparison.Ordinal);
        Assert.Contains("/nonexistent/other/libnothere.so: not found", ex.Message, StringComparison.Ordinal);
        Assert.Contains("libddsc0debian", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Probe_LibraryWithoutDdsSymbols_RejectedWithMissingSymbolList()
    {
        var ex = Assert.Throws<CycloneLibraryException>(() => CycloneLibrary.Probe(["libm.so.6"], []));
        var line = Assert.Single(ex.Attempts);
        Assert.Contains("loaded but rejected: missing required symbols", line, StringComparison.Ordinal);
        Assert.Contains("dds_create_participant", line, StringComparison.Ordinal);
    }
}
