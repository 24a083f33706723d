using CvM.Keyframes.Poses;
using CvM.Keyframes.Selection;
using CvM.Messages.BuiltinInterfaces;
using CvM.Messages.DiagnosticMsgs;
using CvM.Messages.StdMsgs;
using CvM.Node.Live;
using CvM.Pipeline;
using CvM.Pipeline.Diagnostics;

namespace CvM.Node.Tests;

public sealed class DiagnosticsMessageBuilderTests
{
    private static DiagnosticsSnapshot Snapshot(long images, long dropsInferenceQueue, double p50, FrameViews? last = null) => new(
        PipelineState.Active, PipelineMode.Live, "CPU", images, images - 1, images - 2,
        new Dictionary<DuplicateReason, long> { [DuplicateReason.EmptyBuffer] = 1, [DuplicateReason.TooOld] = 1 },
        Enum.GetValues<DropCause>().ToDictionary(c => c, c => c == DropCause.InferenceQueueFull ? dropsInferenceQueue : 0L),
        30.0, 29.5,
        [new StageLatency(PipelineStage.Inference, images, p50, p50, p50 * 1.5, p50 * 2, p50 * 3)],
        new Dictionary<PoseLookupStatus, long> { [PoseLookupStatus.NoData] = 0 },
        ViewSelectionMode.Multiview, DuplicateReason.None, 7, last,
        new Dictionary<InputStream, TransportCounts> { [InputStream.Image] = new(images, 0, 0, 0, 0) });

    private static Dictionary<string, string> Values(DiagnosticArray a) => a.Status.Single().Values.ToDictionary(v => v.Key, v => v.Value);

    [Fact]
    public void Build_Snapshot_CarriesCountersDropsTransportLatencyAndLevel()
    {
        var builder = new DiagnosticsMessageBuilder("cvm_perception");
        var header = new Header(new Time(5, 6), "");
        var v = Values(builder.Build(Snapshot(100, 0, 12.3456, new FrameViews(11, ViewSelectionMode.Multiview, DuplicateReason.None, 9, 8)), header, "Cpu (requested Cpu)"));

        Assert.Equal("Active", v["state"]);
        Assert.Equal("CPU", v["execution_provider"]);
        Assert.Equal("Cpu (requested Cpu)", v["execution_provider_detail"]);
        Assert.Equal("30.000", v["input_rate_hz"]);
        Assert.Equal("100", v["images_received"]);
        Assert.Equal("99", v["frames_output"]);
        Assert.Equal("2", v["frames_duplicated"]);
        Assert.Equal("0", v["drops." + DropCause.InferenceQueueFull]);
        Assert.Equal("1", v["duplicated." + DuplicateReason.TooOld]);
        Assert.Equal("100", v["transport.image.taken"]);
        Assert.Equal("12.346", v["latency_ms.Inference.p50"]);
        Assert.Equal("9", v["last_frame_source1_stamp_ns"]);
        Assert.Contains("memory.gc_heap_bytes", v.Keys);

        var withDrop = builder.Build(Snapshot(101, 3, 12.3456), header, "Cpu (requested Cpu)");
        Assert.Equal(DiagnosticStatus.WARN, withDrop.Status[0].Level);
        var v2 = Values(withDrop);
        Assert.Equal("3", v2["drops." + DropCause.InferenceQueueFull]);
        Assert.Equal("101", v2["images_received"]);
        // The frame went away: its keys go too, and nothing is left over from the longer layout.
        Assert.DoesNotContain("last_frame_stamp_ns", v2.Keys);
        Assert.Equal(v2.Count, withDrop.Status[0].Values.Length);
    }

    [Fact]
    public void Build_Twice_ReusesTheMessageAndItsPairsAndAllocatesLittle()
    {
        var builder = new DiagnosticsMessageBuilder("cvm_perception");
        var header = new Header(new Time(1, 2), "");
        var s = Snapshot(500, 1, 8.25);
        var first = builder.Build(s, header, "detail");
        var firstValues = first.Status[0].Values;
        builder.Build(s, header, "detail");
        long before = GC.GetAllocatedBytesForCurrentThread();
        var again = builder.Build(s, header, "detail");
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Same(first, again);
        Assert.Same(firstValues, again.Status[0].Values);
        // Unchanged counters keep their strings; what is left is the runtime's GC info and the memory figures that
        // changed, formatted again (768 B when measured).
        Assert.True(allocated < 2048, $"a rebuild allocated {allocated} bytes");
    }

    [SkippableFact]
    public void ResidentSet_OnLinux_AgreesWithTheRuntimesWorkingSet()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "/proc/self/statm");
        long ours = ResidentSet.Bytes(), runtime = Environment.WorkingSet;
        Assert.True(ours > 0 && ours > runtime / 2 && ours < runtime * 2, $"statm {ours} B, Environment.WorkingSet {runtime} B");
    }
}
