using CvM.Keyframes.Poses;
using CvM.Keyframes.Selection;

namespace CvM.Pipeline.Tests;

/// <summary>
/// Live mode, image before its odometry (separate DDS readers give no order between them): with
/// <c>keyframes.pose_wait</c> the image waits for the odometry sample of its stamp; without it, it goes on duplicated
/// with the failure counted.
/// </summary>
public sealed class PoseWaitTests
{
    [Fact]
    public async Task PostImage_OdometryArrivesAfterTheImage_WaitsAndPairsWithThePose()
    {
        var seq = SyntheticSequence.Default;
        // generous, so a loaded test machine cannot run out of it before the odometry below is posted
        var (p, sink) = await StartLiveWithFirstFrameAsync(poseWaitS: 1.0);

        var f = seq.Frames[1];
        await p.PostEventAsync(Feeder.CameraInfo(seq, f.StampNs));
        await p.PostImageAsync(Feeder.Image(seq, 1)); // newest odometry is frame 0's, 100 ms older: would be TooNew
        // A blocking sleep, not Task.Delay: its continuation would need a free pool thread, and on a loaded test machine
        // the pool can take longer than the whole pose wait to find one (live events are posted synchronously).
        Thread.Sleep(30);
        await p.PostEventAsync(Feeder.Odometry(f.StampNs, f.T_world_cam));
        await WaitForResultsAsync(sink, 2);
        await p.DeactivateAsync();

        Assert.Equal(f.StampNs, sink.Results[1].Header.StampNs);
        Assert.NotEqual(DuplicateReason.NoPose, sink.Results[1].Selection.Reason);
        Assert.Equal(0, p.Diagnostics.PoseFailures(PoseLookupStatus.TooNew));
        await p.DisposeAsync();
    }

    [Fact]
    public async Task PostImage_PoseWaitZero_GoesOnDuplicatedAndCounted()
    {
        var seq = SyntheticSequence.Default;
        var (p, sink) = await StartLiveWithFirstFrameAsync(poseWaitS: 0);

        var f = seq.Frames[1];
        await p.PostEventAsync(Feeder.CameraInfo(seq, f.StampNs));
        await p.PostImageAsync(Feeder.Image(seq, 1));
        await WaitForResultsAsync(sink, 2); // its odometry is never posted
        await p.DeactivateAsync();

        Assert.Equal(DuplicateReason.NoPose, sink.Results[1].Selection.Reason);
        Assert.Equal(1, p.Diagnostics.PoseFailures(PoseLookupStatus.TooNew));
        await p.DisposeAsync();
    }

    /// <summary>A live pipeline with <paramref name="poseWaitS"/>, after frame 0 (with its pose) came out.</summary>
    private static async Task<(PerceptionPipeline P, CollectingSink Sink)> StartLiveWithFirstFrameAsync(double poseWaitS)
    {
        var options = TestModel.Options(PipelineMode.Live) with
        {
            Keyframes = CvM.Keyframes.KeyframeOptions.Default with { PoseWaitS = poseWaitS },
        };
        var sink = new CollectingSink();
        var p = await Feeder.StartAsync(options, sink);
        await Feeder.PostFrameAsync(p, SyntheticSequence.Default, 0);
        await WaitForResultsAsync(sink, 1);
        return (p, sink);
    }

    private static async Task WaitForResultsAsync(CollectingSink sink, int count)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (sink.Results.Count < count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"only {sink.Results.Count} of {count} results within 60 s");
            await Task.Delay(5);
        }
    }
}
