using CvM.Ros.Dds;

namespace CvM.Ros.Tests.Dds;

public sealed class DdsNamesTests
{
    [Theory]
    [InlineData("/camera/image_raw", "rt/camera/image_raw")]
    [InlineData("/odom", "rt/odom")]
    [InlineData("/a/b/c", "rt/a/b/c")]
    public void ToDdsTopic_FullyQualified_PrefixesRt(string ros, string dds)
    {
        Assert.Equal(dds, DdsNames.ToDdsTopic(ros));
        Assert.Equal(ros, DdsNames.FromDdsTopic(dds));
    }

    [Theory]
    [InlineData("camera/image")]
    [InlineData("/")]
    [InlineData("/a/")]
    [InlineData("/a//b")]
    [InlineData("")]
    public void ToDdsTopic_NotFullyQualified_Throws(string ros) =>
        Assert.Throws<ArgumentException>(() => DdsNames.ToDdsTopic(ros));

    [Theory]
    [InlineData("ros_discovery_info")]
    [InlineData("rq/add_two_intsRequest")]
    [InlineData("rt/")]
    public void FromDdsTopic_NotRosTopic_Null(string dds) => Assert.Null(DdsNames.FromDdsTopic(dds));

    [Theory]
    [InlineData("sensor_msgs/msg/Image", "sensor_msgs::msg::dds_::Image_")]
    [InlineData("nav_msgs/msg/Odometry", "nav_msgs::msg::dds_::Odometry_")]
    [InlineData("rmw_dds_common/msg/ParticipantEntitiesInfo", "rmw_dds_common::msg::dds_::ParticipantEntitiesInfo_")]
    public void ToDdsType_RosType_ModuleDdsUnderscore(string ros, string dds)
    {
        Assert.Equal(dds, DdsNames.ToDdsType(ros));
        Assert.Equal(ros, DdsNames.FromDdsType(dds));
    }

    [Theory]
    [InlineData("sensor_msgs/Image")]
    [InlineData("sensor_msgs/foo/Image")]
    [InlineData("/msg/Image")]
    public void ToDdsType_Malformed_Throws(string ros) => Assert.Throws<ArgumentException>(() => DdsNames.ToDdsType(ros));

    [Theory]
    [InlineData("sensor_msgs::msg::Image")]
    [InlineData("DDS::Thing")]
    public void FromDdsType_NotRosShaped_Null(string dds) => Assert.Null(DdsNames.FromDdsType(dds));
}
