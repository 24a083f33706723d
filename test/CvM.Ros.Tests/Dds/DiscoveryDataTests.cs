using CvM.Messages.SensorMsgs;
using CvM.Ros.Dds;
using CvM.Ros.Qos;

namespace CvM.Ros.Tests.Dds;

/// <summary>What discovery tells other processes about our entities, read from Cyclone's built-in topics.</summary>
public sealed class DiscoveryDataTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    // Computed by real ROS 2 Jazzy (DESIGN §4).
    private const string ImageRihs01 = "RIHS01_d31d41a9a4c4bc8eae9be757b0beed306564f7526c88ea6a4588fb9582527d47";

    [Fact]
    public void Writer_ImageTopic_AnnouncesRosNamesAndTypeHashUserData()
    {
        using var node = LoopbackDomain.Participant(LoopbackDomain.NextId());
        using var observer = DdsParticipant.Create(new DdsParticipantOptions(node.DomainId, CycloneConfig.Loopback));
        using var writer = node.CreateRosWriter("/camera/image_raw", DdsTypeSupport.For<Image>(), QosProfile.SensorData);
        var e = BuiltinTopics.WaitFor(observer, BuiltinTopics.DcpsPublication, x => x.Guid == writer.Guid.ToString(), Wait);
        Assert.NotNull(e);
        Assert.Equal("rt/camera/image_raw", e.TopicName);
        Assert.Equal("sensor_msgs::msg::dds_::Image_", e.TypeName);
        Assert.Equal($"typehash={ImageRihs01};", e.UserData);
    }

    [Fact]
    public void Reader_ImageTopic_AnnouncesTypeHashUserData()
    {
        using var node = LoopbackDomain.Participant(LoopbackDomain.NextId());
        using var observer = DdsParticipant.Create(new DdsParticipantOptions(node.DomainId, CycloneConfig.Loopback));
        using var reader = node.CreateRosReader("/camera/image_raw", DdsTypeSupport.For<Image>(), QosProfile.SensorData);
        var e = BuiltinTopics.WaitFor(observer, BuiltinTopics.DcpsSubscription, x => x.Guid == reader.Guid.ToString(), Wait);
        Assert.NotNull(e);
        Assert.Equal("rt/camera/image_raw", e.TopicName);
        Assert.Equal($"typehash={ImageRihs01};", e.UserData);
    }

    [Fact]
    public void Participant_Default_AnnouncesEnclaveUserData()
    {
        using var node = LoopbackDomain.Participant(LoopbackDomain.NextId());
        using var observer = DdsParticipant.Create(new DdsParticipantOptions(node.DomainId, CycloneConfig.Loopback));
        var e = BuiltinTopics.WaitFor(observer, BuiltinTopics.DcpsParticipant, x => x.Guid == node.Guid.ToString(), Wait);
        Assert.NotNull(e);
        Assert.Equal("enclave=/;", e.UserData);
    }
}
