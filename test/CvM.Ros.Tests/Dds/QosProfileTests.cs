using CvM.Ros.Qos;

namespace CvM.Ros.Tests.Dds;

public sealed class QosProfileTests
{
    [Fact]
    public void Profiles_RosDefinitions_MatchRmw()
    {
        Assert.Equal(new QosProfile(ReliabilityKind.BestEffort, DurabilityKind.Volatile, HistoryKind.KeepLast, 5), QosProfile.SensorData);
        Assert.Equal(new QosProfile(ReliabilityKind.Reliable, DurabilityKind.Volatile, HistoryKind.KeepLast, 10), QosProfile.Default);
    }

    [Fact]
    public void With_PartialOverride_ReplacesOnlyGivenFields()
    {
        var p = QosProfile.SensorData.With(new QosOverrides(Durability: DurabilityKind.TransientLocal, Depth: 1));
        Assert.Equal(new QosProfile(ReliabilityKind.BestEffort, DurabilityKind.TransientLocal, HistoryKind.KeepLast, 1), p);
    }

    [Fact]
    public void Resolve_TopicWithOverride_AppliesItOthersUnchanged()
    {
        var table = new TopicQosOverrides([new("/camera/image_raw", new QosOverrides(Reliability: ReliabilityKind.Reliable, Depth: 2))]);
        Assert.Equal(new QosProfile(ReliabilityKind.Reliable, DurabilityKind.Volatile, HistoryKind.KeepLast, 2),
            table.Resolve("/camera/image_raw", QosProfile.SensorData));
        Assert.Equal(QosProfile.SensorData, table.Resolve("/odom", QosProfile.SensorData));
    }

    [Fact]
    public void With_KeepLastDepthZero_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => QosProfile.Default.With(new QosOverrides(Depth: 0)));

    [Fact]
    public void TopicQosOverrides_RelativeTopic_Throws() =>
        Assert.Throws<ArgumentException>(() => new TopicQosOverrides([new("camera", new QosOverrides())]));
}
