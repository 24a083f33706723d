using CvM.Messages.BuiltinInterfaces;
using CvM.Messages.Cdr;
using CvM.Messages.GeometryMsgs;
using CvM.Messages.NavMsgs;
using CvM.Messages.SensorMsgs;
using CvM.Messages.StdMsgs;
using CvM.Ros.Dds;
using CvM.Ros.Qos;
using CvM.TestSupport;

namespace CvM.Ros.Tests.Dds;

/// <summary>Writers, readers, status counts and endpoint events of the binding, C# to C# on a 127.0.0.1-only domain.</summary>
public sealed class PubSubTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public void Publish_TypedOdometry_ReaderDecodesSameValues()
    {
        using var p = LoopbackDomain.Participant(LoopbackDomain.NextId());
        var type = DdsTypeSupport.For<Odometry>();
        using var reader = p.CreateRosReader("/odom", type, QosProfile.Default);
        using var pub = new DdsPublisher<Odometry>(p.CreateRosWriter("/odom", type, QosProfile.Default));
        Assert.True(LoopbackDomain.WaitUntil(() => pub.Writer.MatchedSubscriptions == 1 && reader.MatchedPublications == 1, Wait));
        var sent = new Odometry
        {
            Header = new Header(new Time(5, 6), "odom"),
            ChildFrameId = "base_link",
            Pose = new PoseWithCovariance { Pose = new Pose(new Point(1, 2, 3), new Quaternion(0, 0, 0, 1)) },
        };
        pub.Publish(sent);
        Assert.True(LoopbackDomain.WaitUntil(() => reader.Samples.Count > 0, Wait));
        Assert.True(reader.Samples.TryRead(out var sample));
        using (sample)
        {
            Assert.Equal(CdrCodec.SerializeToArray(sent), sample.Span.ToArray());
            var got = CdrCodec.Deserialize<Odometry>(sample.Span);
            Assert.Equal(new Point(1, 2, 3), got.Pose.Pose.Position);
            Assert.Equal("base_link", got.ChildFrameId);
            Assert.True(sample.ReceivedTimestampNs >= sample.SourceTimestampNs - 1_000_000);
        }
    }

    [Fact]
    public void RequestedIncompatibleQos_ReliableReaderBestEffortWriter_NoDataAndCountAtLeastOne()
    {
        using var p = LoopbackDomain.Participant(LoopbackDomain.NextId());
        var type = DdsTypeSupport.For<Odometry>();
        using var reader = p.CreateRosReader("/odom_qos", type, QosProfile.Default);
        using var writer = p.CreateRosWriter("/odom_qos", type, QosProfile.SensorData);
        Assert.True(LoopbackDomain.WaitUntil(() => reader.RequestedIncompatibleQosCount >= 1, Wait));
        writer.WriteRaw(CdrCodec.SerializeToArray(new Odometry()));
        Thread.Sleep(300);
        Assert.Equal(0, reader.MatchedPublications);
        Assert.Equal(0, writer.MatchedSubscriptions);
        Assert.True(writer.OfferedIncompatibleQosCount >= 1);
        Assert.Equal(0, reader.ReceivedCount);
        Assert.False(reader.Samples.TryRead(out _));
    }

    [Fact]
    public void Samples_ChannelFull_DropsOldestAndCountsDrops()
    {
        using var p = LoopbackDomain.Participant(LoopbackDomain.NextId());
        var type = DdsTypeSupport.For<Odometry>();
        var keepAll = new QosProfile(ReliabilityKind.Reliable, DurabilityKind.Volatile, HistoryKind.KeepAll, 0);
        using var reader = p.CreateRosReader("/odom_drop", type, keepAll, new DdsReaderOptions(ChannelCapacity: 2));
        using var pub = new DdsPublisher<Odometry>(p.CreateRosWriter("/odom_drop", type, keepAll));
        Assert.True(LoopbackDomain.WaitUntil(() => pub.Writer.MatchedSubscriptions == 1, Wait));
        for (var i = 0; i < 10; i++) pub.Publish(new Odometry { Header = new Header(new Time(i, 0), "odom") });
        Assert.True(LoopbackDomain.WaitUntil(() => reader.ReceivedCount == 10, Wait));
        Assert.Equal(8, reader.DroppedCount);
        var secs = new List<int>();
        while (reader.Samples.TryRead(out var s))
            using (s) secs.Add(CdrCodec.Deserialize<Odometry>(s.Span).Header.Stamp.Sec);
        Assert.Equal([8, 9], secs);
    }

    [Fact]
    public void WriteRaw_TruncatedImage_ThrowsArgumentExceptionAndWriterStaysUsable()
    {
        using var p = LoopbackDomain.Participant(LoopbackDomain.NextId());
        var type = DdsTypeSupport.For<Image>();
        using var writer = p.CreateRosWriter("/img_bad", type, QosProfile.SensorData);
        var good = CdrCodec.SerializeToArray(new Image { Height = 2, Width = 2, Encoding = "mono8", Step = 2, Data = [1, 2, 3, 4] });
        Assert.Throws<ArgumentException>(() => writer.WriteRaw(good.AsSpan(0, good.Length - 3)));
        Assert.Throws<ArgumentException>(() => writer.WriteRaw(new byte[] { 0, 1 }));
        writer.WriteRaw(good);
        Assert.Equal(1, writer.SamplesWritten);
    }

    [Fact]
    public void EndpointChanged_CreateAndDispose_ReportsGuidsUnderParticipantPrefix()
    {
        using var p = LoopbackDomain.Participant(LoopbackDomain.NextId());
        var changes = new List<EndpointChange>();
        p.EndpointChanged += (_, c) => changes.Add(c);
        var type = DdsTypeSupport.For<Image>();
        var writer = p.CreateRosWriter("/camera/image_raw", type, QosProfile.SensorData);
        var reader = p.CreateRosReader("/camera/image_raw", type, QosProfile.SensorData);
        Assert.Equal(2, p.Endpoints.Count);
        writer.Dispose();
        reader.Dispose();
        Assert.Empty(p.Endpoints);
        Assert.Equal([true, true, false, false], changes.Select(c => c.Created));
        Assert.Equal(writer.Guid, changes[0].Endpoint.Guid);
        Assert.Equal(EndpointKind.Reader, changes[1].Endpoint.Kind);
        Assert.Equal("/camera/image_raw", changes[0].Endpoint.RosTopic);
        Assert.Equal("rt/camera/image_raw", changes[0].Endpoint.DdsTopic);
        Assert.Equal("sensor_msgs::msg::dds_::Image_", changes[0].Endpoint.DdsType);
        var prefix = p.Guid.ToRosGid(16).AsSpan(0, 12).ToArray();
        Assert.Equal(prefix, writer.Guid.ToRosGid(24).AsSpan(0, 12).ToArray());
        Assert.Equal(new byte[8], writer.Guid.ToRosGid(24).AsSpan(16).ToArray());
        Assert.NotEqual(writer.Guid, reader.Guid);
    }

    [Fact]
    public void Publish_SteadyStateImages_AllocatesNothingOnCallingThread()
    {
        using var p = LoopbackDomain.Participant(LoopbackDomain.NextId());
        var type = DdsTypeSupport.For<Image>();
        using var reader = p.CreateRosReader("/img_alloc", type, QosProfile.SensorData);
        using var pub = new DdsPublisher<Image>(p.CreateRosWriter("/img_alloc", type, QosProfile.SensorData));
        Assert.True(LoopbackDomain.WaitUntil(() => pub.Writer.MatchedSubscriptions == 1, Wait));
        var image = new Image { Header = new Header(new Time(1, 2), "cam"), Height = 480, Width = 640, Encoding = "rgb8", Step = 1920, Data = new byte[1920 * 480] };
        for (var i = 0; i < 5; i++) pub.Publish(image); // warm-up: pooled buffer grows to the image size once
        var windows = SteadyStateAllocation.AssertSomeWindowAllocatesNothing(() =>
        {
            for (var i = 0; i < 50; i++) pub.Publish(image);
        }, "50 image publishes");
        Assert.Equal(5 + 50 * windows, pub.Writer.SamplesWritten);
    }
}
