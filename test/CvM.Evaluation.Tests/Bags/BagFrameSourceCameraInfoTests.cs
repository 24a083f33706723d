using CvM.Bags;
using CvM.Bags.Mcap;
using CvM.Evaluation.Bags;
using CvM.Geometry;
using CvM.Messages.BuiltinInterfaces;
using CvM.Messages.Cdr;
using CvM.Messages.Definitions;
using CvM.Messages.NavMsgs;
using CvM.Messages.SensorMsgs;
using CvM.Messages.StdMsgs;

namespace CvM.Evaluation.Tests.Bags;

/// <summary>
/// Camera infos that give no valid intrinsics (bad K or size), messages that do not decode and unusable odometry are
/// skipped and counted, on small written bags; nothing throws but "no usable camera info".
/// </summary>
public sealed class BagFrameSourceCameraInfoTests : IDisposable
{
    private const int W = 4, H = 3;
    private const long FrameStampNs = 1_700_000_000_500_000_000L;
    private static readonly BagFrameSourceOptions Options = new(OdometryTopic: null);
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "cvm-eval-test-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public void Constructor_NoUsableCameraInfo_ThrowsInvalidData()
    {
        string bag = WriteBag(
            Info(FrameStampNs, [10, 0, 1.5, 0, 10, double.NaN, 0, 0, 1], W, H),
            Info(FrameStampNs + 1, [double.PositiveInfinity, 0, 1.5, 0, 10, 1, 0, 0, 1], W, H),
            Info(FrameStampNs + 2, [10, 0, 1.5, 0, -10, 1, 0, 0, 1], W, H),
            Info(FrameStampNs + 3, [10, 0, 1.5, 0, 10, 1, 0, 0, 1], uint.MaxValue, H));
        var e = Assert.Throws<InvalidDataException>(() => new BagFrameSource(bag, Options));
        Assert.Contains("no usable camera info", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadFrames_UnusableCameraInfoNearest_UsesTheNearestUsableOne()
    {
        string bag = WriteBag(
            Info(FrameStampNs - 100_000_000, [10, 0, 1.5, 0, 11, 1, 0, 0, 1], W, H),
            Info(FrameStampNs, [10, 0, double.NaN, 0, 11, 1, 0, 0, 1], W, H));
        var frame = Assert.Single(new BagFrameSource(bag, Options).ReadFrames());
        Assert.Equal(new Intrinsics(10, 11, 1.5, 1, W, H), frame.K);
    }

    [Fact]
    public void Constructor_UndecodableMessagesAndUnusableOdometry_AreSkippedAndCounted()
    {
        var options = new BagFrameSourceOptions(OdometryTopic: "/odom");
        var good = Info(FrameStampNs, [10, 0, 1.5, 0, 11, 1, 0, 0, 1], W, H);
        var truncatedInfo = CdrCodec.SerializeToArray(good)[..40];
        string bag = WriteBag(options, [good], extra: w =>
        {
            w.Write(options.CameraInfoTopic, FrameStampNs + 1, truncatedInfo);
            w.Write(options.RgbTopic, FrameStampNs + 2, new byte[] { 0, 1, 0, 0, 7 }); // an image message cut after 1 byte
            w.Write("/odom", FrameStampNs - 10_000_000, CdrCodec.SerializeToArray(Odom(FrameStampNs - 10_000_000, new(0.1, 0, 0), new(0, 0, 0, 1))));
            w.Write("/odom", FrameStampNs, CdrCodec.SerializeToArray(Odom(FrameStampNs, new(0.2, 0, 0), new(0, 0, 0, 0)))); // zero quaternion
            w.Write("/odom", FrameStampNs + 5_000_000, CdrCodec.SerializeToArray(Odom(FrameStampNs + 5_000_000, new(double.NaN, 0, 0), new(0, 0, 0, 1))));
            w.Write("/odom", FrameStampNs + 10_000_000, CdrCodec.SerializeToArray(Odom(FrameStampNs + 10_000_000, new(0.3, 0, 0), new(0, 0, 0, 1))));
        });
        var source = new BagFrameSource(bag, options);
        var frame = Assert.Single(source.ReadFrames());
        Assert.Equal(4, source.Stats.SkippedMessages); // truncated camera info, cut image, zero quaternion, NaN position
        Assert.Equal(2, source.Stats.OdometrySamples);
        // The pose comes from the two usable odometry samples around the frame (0.1 m and 0.3 m): 0.2 m half-way.
        Assert.Equal(0.2, frame.T_world_cam!.Value.Translation.X, 9);
    }

    private static Odometry Odom(long stampNs, CvM.Messages.GeometryMsgs.Point p, CvM.Messages.GeometryMsgs.Quaternion q) =>
        new(HeaderAt(stampNs), "camera", new CvM.Messages.GeometryMsgs.PoseWithCovariance(new CvM.Messages.GeometryMsgs.Pose(p, q), new double[36]),
            new CvM.Messages.GeometryMsgs.TwistWithCovariance());

    private static CameraInfo Info(long stampNs, double[] k, uint width, uint height) =>
        new() { Header = HeaderAt(stampNs), Width = width, Height = height, K = k };

    private static Header HeaderAt(long stampNs) =>
        new(new Time((int)(stampNs / 1_000_000_000L), (uint)(stampNs % 1_000_000_000L)), "camera");

    /// <summary>A bag with the camera infos and one colour/depth pair (rgb8, 32FC1 of 2 m) at <see cref="FrameStampNs"/>.</summary>
    private string WriteBag(params CameraInfo[] infos) => WriteBag(Options, infos);

    private string WriteBag(BagFrameSourceOptions options, CameraInfo[] infos, Action<McapBagWriter>? extra = null)
    {
        string path = Path.Combine(_dir, "bag");
        using var writer = McapBagWriter.Create(path);
        writer.AddTopic(Topic(options.RgbTopic, Image.RosType));
        writer.AddTopic(Topic(options.DepthTopic, Image.RosType));
        writer.AddTopic(Topic(options.CameraInfoTopic, CameraInfo.RosType));
        if (options.OdometryTopic is { } odom) writer.AddTopic(Topic(odom, Odometry.RosType));
        foreach (var info in infos)
            writer.Write(options.CameraInfoTopic, FrameStampNs, CdrCodec.SerializeToArray(info));
        extra?.Invoke(writer);
        var rgb = new Image { Header = HeaderAt(FrameStampNs), Width = W, Height = H, Encoding = "rgb8", Step = W * 3, Data = new byte[W * H * 3] };
        var depth = new Image
        {
            Header = HeaderAt(FrameStampNs), Width = W, Height = H, Encoding = "32FC1", Step = W * 4,
            Data = Enumerable.Repeat(BitConverter.GetBytes(2f), W * H).SelectMany(b => b).ToArray(),
        };
        writer.Write(options.RgbTopic, FrameStampNs, CdrCodec.SerializeToArray(rgb));
        writer.Write(options.DepthTopic, FrameStampNs, CdrCodec.SerializeToArray(depth));
        return path;
    }

    private static BagTopic Topic(string name, string type)
    {
        var schema = MessageDefinitions.Get(type);
        return new BagTopic(name, type, "cdr", [BagQosProfile.Default], schema.Rihs01,
            new BagMessageDefinition(type, BagMessageDefinition.Ros2Msg, schema.FullText));
    }
}
