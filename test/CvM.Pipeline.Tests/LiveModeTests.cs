namespace CvM.Pipeline.Tests;

public sealed class LiveModeTests
{
    [Fact]
    public async Task TryPostImage_Overload_NewestServedEveryDropCountedNoQueueGrowth()
    {
        var seq = SyntheticSequence.Default;
        var sink = new CollectingSink();
        var p = new PerceptionPipeline(TestModel.Options(PipelineMode.Live), sink);
        p.Configure();
        p.Activate();
        var n = seq.Frames.Count;
        for (var i = 0; i < n; i++)
        {
            var f = seq.Frames[i];
            Assert.True(p.TryPostEvent(Feeder.CameraInfo(seq, f.StampNs)));
            Assert.True(p.TryPostEvent(Feeder.Odometry(f.StampNs, f.T_world_cam)));
            Assert.True(p.TryPostImage(Feeder.Image(seq, i))); // never blocks: far faster than inference
        }
        await p.DeactivateAsync();
        var s = p.Snapshot();
        Assert.True(s.TotalDrops > 0, "posting faster than inference must drop");
        Assert.Equal(n, s.ImagesReceived);
        Assert.Equal(n, s.FramesOutput + s.Drops[DropCause.ImageQueueFull] + s.Drops[DropCause.InferenceQueueFull] + s.Drops[DropCause.OutputQueueFull]);
        Assert.Equal(seq.Frames[^1].StampNs, sink.Results[^1].Header.StampNs); // the newest frame was served
        await p.DisposeAsync();
    }
}
