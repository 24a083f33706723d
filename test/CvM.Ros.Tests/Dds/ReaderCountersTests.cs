using CvM.Messages.BuiltinInterfaces;
using CvM.Messages.NavMsgs;
using CvM.Messages.StdMsgs;
using CvM.Ros.Dds;
using CvM.Ros.Qos;

namespace CvM.Ros.Tests.Dds;

/// <summary>A reader's counters (taken, channel drops, Cyclone's sample lost and rejected) against what was sent.</summary>
public sealed class ReaderCountersTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public void Counters_ReliableKeepAllWithFullChannel_TakenEqualsSentAndOnlyChannelDropsCounted()
    {
        using var p = LoopbackDomain.Participant(LoopbackDomain.NextId());
        var type = DdsTypeSupport.For<Odometry>();
        var keepAll = new QosProfile(ReliabilityKind.Reliable, DurabilityKind.Volatile, HistoryKind.KeepAll, 0);
        var reader = p.CreateRosReader("/odom_counters", type, keepAll, new DdsReaderOptions(ChannelCapacity: 3));
        using var pub = new DdsPublisher<Odometry>(p.CreateRosWriter("/odom_counters", type, keepAll));
        Assert.True(LoopbackDomain.WaitUntil(() => pub.Writer.MatchedSubscriptions == 1, Wait));
        for (var i = 0; i < 12; i++) pub.Publish(new Odometry { Header = new Header(new Time(i, 0), "odom") });
        Assert.True(LoopbackDomain.WaitUntil(() => reader.Counters().Taken == 12, Wait));

        var c = reader.Counters();
        Assert.Equal(new DdsReaderCounters(12, 9, 0, 0, 0), c);
        Assert.Equal(9, c.Lost);
        Assert.Equal(0, reader.SampleLostCount);
        Assert.Equal(0, reader.SampleRejectedCount);

        // the counts survive the reader: a final report after shutdown still has them
        reader.Dispose();
        Assert.Equal(c, reader.Counters());
    }

    [Fact]
    public void Counters_OversizeSample_CountedAsRejectedNotTaken()
    {
        using var p = LoopbackDomain.Participant(LoopbackDomain.NextId());
        var type = DdsTypeSupport.For<Odometry>();
        var keepAll = new QosProfile(ReliabilityKind.Reliable, DurabilityKind.Volatile, HistoryKind.KeepAll, 0);
        using var reader = p.CreateRosReader("/odom_oversize", type, keepAll, new DdsReaderOptions(MaxSampleBytes: 64));
        using var pub = new DdsPublisher<Odometry>(p.CreateRosWriter("/odom_oversize", type, keepAll));
        Assert.True(LoopbackDomain.WaitUntil(() => pub.Writer.MatchedSubscriptions == 1, Wait));
        for (var i = 0; i < 3; i++) pub.Publish(new Odometry { Header = new Header(new Time(i, 0), "odom") });
        Assert.True(LoopbackDomain.WaitUntil(() => reader.Counters().OversizeRejected == 3, Wait));
        Assert.Equal(new DdsReaderCounters(0, 0, 3, 0, 0), reader.Counters());
    }
}
