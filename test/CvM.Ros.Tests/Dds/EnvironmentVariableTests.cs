using CvM.Ros.Dds;

namespace CvM.Ros.Tests.Dds;

/// <summary>Behaviour that depends on ROS_DOMAIN_ID and AMENT_PREFIX_PATH; runs in a non-parallel collection.</summary>
[Collection(EnvironmentCollection.Name)]
public sealed class EnvironmentVariableTests
{
    [Fact]
    public void Create_DomainFromRosDomainIdVariable_UsesIt()
    {
        var id = LoopbackDomain.NextId();
        var old = Environment.GetEnvironmentVariable("ROS_DOMAIN_ID");
        try
        {
            Environment.SetEnvironmentVariable("ROS_DOMAIN_ID", id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            using var p = DdsParticipant.Create(new DdsParticipantOptions(Config: CycloneConfig.Loopback));
            Assert.Equal(id, p.DomainId);
            Environment.SetEnvironmentVariable("ROS_DOMAIN_ID", "not-a-number");
            Assert.Throws<ArgumentException>(() => new DdsParticipantOptions().ResolveDomainId());
        }
        finally
        {
            Environment.SetEnvironmentVariable("ROS_DOMAIN_ID", old);
        }
    }

    [Fact]
    public void DefaultSearchDirectories_AmentPrefixPath_AddsEachPrefixLibFolder()
    {
        var old = Environment.GetEnvironmentVariable("AMENT_PREFIX_PATH");
        try
        {
            Environment.SetEnvironmentVariable("AMENT_PREFIX_PATH", "/opt/ros/jazzy:/home/u/ws/install/pkg");
            var dirs = CycloneLibrary.DefaultSearchDirectories();
            Assert.Equal("/opt/ros/jazzy/lib", dirs[0]);
            Assert.Equal("/home/u/ws/install/pkg/lib", dirs[1]);
        }
        finally
        {
            Environment.SetEnvironmentVariable("AMENT_PREFIX_PATH", old);
        }
    }
}
