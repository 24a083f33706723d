using CvM.Geometry;
using CvM.Pipeline.Frames;

namespace CvM.Pipeline.Tests;

public sealed class BadInputTests
{
    private static async Task<(PerceptionPipeline P, CollectingSink Sink)> StartWithGoodFirstFrameAsync()
    {
        var seq = SyntheticSequence.Default;
        var sink = new CollectingSink();
        var p = await Feeder.StartAsync(TestModel.Options(PipelineMode.Replay), sink);
        await Feeder.PostFrameAsync(p, seq, 0);
        return (p, sink);
    }

    /// <summary>After the bad input, a good frame still comes out: the pipeline kept running.</summary>
    private static async Task FinishWithGoodFrameAsync(PerceptionPipeline p, CollectingSink sink, int frame = 5)
    {
        await Feeder.PostFrameAsync(p, SyntheticSequence.Default, frame);
        await p.DeactivateAsync();
        Assert.Equal(SyntheticSequence.Default.Frames[frame].StampNs, sink.Results[^1].Header.StampNs);
        await p.DisposeAsync();
    }

    [Theory]
    [InlineData("yuv422", DropCause.UnsupportedEncoding)]
    [InlineData("32FC1", DropCause.UnsupportedEncoding)]
    public async Task PostImage_UnsupportedEncoding_DroppedAndCounted(string encoding, DropCause cause)
    {
        var (p, sink) = await StartWithGoodFirstFrameAsync();
        await p.PostImageAsync(Feeder.Image(SyntheticSequence.Default, 1, encoding: encoding));
        await FinishWithGoodFrameAsync(p, sink);
        Assert.Equal(1, p.Diagnostics.Drops(cause));
        Assert.Equal(2, sink.Results.Count);
    }

    [Fact]
    public async Task PostImage_DataShorterThanStepTimesHeight_DroppedAndCounted()
    {
        var seq = SyntheticSequence.Default;
        var (p, sink) = await StartWithGoodFirstFrameAsync();
        await p.PostImageAsync(Feeder.Image(seq, 1, dataLength: seq.K.Width * 3 * seq.K.Height - 7));
        await FinishWithGoodFrameAsync(p, sink);
        Assert.Equal(1, p.Diagnostics.Drops(DropCause.DataTooShort));
        Assert.Equal(2, sink.Results.Count);
    }

    [Fact]
    public async Task PostImage_StepSmallerThanRow_DroppedAndCounted()
    {
        var seq = SyntheticSequence.Default;
        var (p, sink) = await StartWithGoodFirstFrameAsync();
        await p.PostImageAsync(Feeder.Image(seq, 1, step: seq.K.Width * 3 - 1));
        await FinishWithGoodFrameAsync(p, sink);
        Assert.Equal(1, p.Diagnostics.Drops(DropCause.StepTooSmall));
    }

    [Fact]
    public async Task PostImage_ZeroSize_DroppedAndCounted()
    {
        var (p, sink) = await StartWithGoodFirstFrameAsync();
        var f = SyntheticSequence.Default.Frames[1];
        await p.PostImageAsync(new ImageFrame(FrameHeader.FromNs(f.StampNs, Feeder.CameraFrame), 0, 0, 0, "rgb8", false, PooledArray<byte>.Rent(0), 0));
        await FinishWithGoodFrameAsync(p, sink);
        Assert.Equal(1, p.Diagnostics.Drops(DropCause.ZeroSizeImage));
        Assert.Equal(2, sink.Results.Count);
    }

    [Fact]
    public async Task PostCameraInfo_KAllZero_RejectedCountedAndPreviousKKept()
    {
        var seq = SyntheticSequence.Default;
        var (p, sink) = await StartWithGoodFirstFrameAsync();
        var f = seq.Frames[1];
        await p.PostEventAsync(InputEvent.CameraInfo(f.StampNs, Feeder.CameraFrame, seq.K.Width, seq.K.Height, new double[9]));
        await p.PostEventAsync(Feeder.Odometry(f.StampNs, f.T_world_cam));
        await p.PostImageAsync(Feeder.Image(seq, 1));
        await FinishWithGoodFrameAsync(p, sink);
        Assert.Equal(1, p.Diagnostics.Drops(DropCause.InvalidCameraInfo));
        Assert.Equal(3, sink.Results.Count); // frame 1 used the last valid camera_info
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public async Task PostOdometry_NonFinitePose_RejectedCountedFrameGoesOnDuplicated(double bad)
    {
        var seq = SyntheticSequence.Default;
        var (p, sink) = await StartWithGoodFirstFrameAsync();
        var f = seq.Frames[1];
        await p.PostEventAsync(Feeder.CameraInfo(seq, f.StampNs));
        await p.PostEventAsync(Feeder.Odometry(f.StampNs, new Pose3(f.T_world_cam.Rotation, new Vector3d(bad, 0, 0))));
        await p.PostImageAsync(Feeder.Image(seq, 1));
        await FinishWithGoodFrameAsync(p, sink);
        Assert.Equal(1, p.Diagnostics.Drops(DropCause.InvalidPose));
        Assert.Equal(3, sink.Results.Count);
    }

    [Fact]
    public async Task PostImage_StampGoingBackwards_DroppedAndCounted()
    {
        var seq = SyntheticSequence.Default;
        var (p, sink) = await StartWithGoodFirstFrameAsync();
        await Feeder.PostFrameAsync(p, seq, 3);
        await p.PostImageAsync(Feeder.Image(seq, 2)); // older than frame 3
        await FinishWithGoodFrameAsync(p, sink);
        Assert.Equal(1, p.Diagnostics.Drops(DropCause.StampNotIncreasing));
        Assert.Equal(3, sink.Results.Count);
    }

    [Fact]
    public async Task PostImage_PoseOutsideTolerance_GoesOnDuplicatedAndCounted()
    {
        var seq = SyntheticSequence.Default;
        var (p, sink) = await StartWithGoodFirstFrameAsync();
        var f = seq.Frames[1];
        await p.PostEventAsync(Feeder.CameraInfo(seq, f.StampNs));
        await p.PostImageAsync(Feeder.Image(seq, 1)); // newest odometry is frame 0's, 100 ms earlier: outside the 20 ms tolerance
        await FinishWithGoodFrameAsync(p, sink);
        Assert.Equal(1, p.Diagnostics.PoseFailures(CvM.Keyframes.Poses.PoseLookupStatus.TooNew));
        Assert.Equal(CvM.Keyframes.Selection.DuplicateReason.NoPose, sink.Results[1].Selection.Reason);
        Assert.Equal(3, sink.Results.Count);
    }
}
