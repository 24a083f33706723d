using System.Text.Json.Nodes;
using CvM.Messages.Definitions;
using CvM.Messages.RmwDdsCommon;
using CvM.TestSupport;

namespace CvM.Messages.Tests;

public class DefinitionsTests
{
    private static readonly string Separator = new('=', 80);

    [SkippableTheory]
    [InlineData("nav_msgs/msg/Odometry")]
    [InlineData("tf2_msgs/msg/TFMessage")]
    public void FullText_TypesRecordedByRealRos2Bag_EqualsStoredSchema(string rosType)
    {
        var data = RepoPaths.RequireSharedData();
        var bag = Path.Combine(data, "rosbags", "ros2_written_reference", "nav2_turtlebot.mcap");
        var result = NpmPeer.Run("cdr-mcap-schemas.js", [bag]);
        var schema = JsonNode.Parse(result.StdOut)![rosType]!;
        Assert.Equal("ros2msg", schema["encoding"]!.GetValue<string>());
        Assert.Equal(schema["text"]!.GetValue<string>(), MessageDefinitions.Get(rosType).FullText);
    }

    [Fact]
    public void FullText_Image_OwnTextThenDependenciesDepthFirst()
    {
        string T(string t) => MessageDefinitions.Get(t).Text;
        var expected = T("sensor_msgs/msg/Image")
            + "\n" + Separator + "\nMSG: std_msgs/Header\n" + T("std_msgs/msg/Header")
            + "\n" + Separator + "\nMSG: builtin_interfaces/Time\n" + T("builtin_interfaces/msg/Time");
        Assert.Equal(expected, MessageDefinitions.Get("sensor_msgs/msg/Image").FullText);
    }

    [Fact]
    public void RosTypes_AllMessageTypes_Embedded()
    {
        string[] expected =
        [
            "builtin_interfaces/msg/Time", "builtin_interfaces/msg/Duration", "std_msgs/msg/Header",
            "sensor_msgs/msg/Image", "sensor_msgs/msg/CameraInfo", "sensor_msgs/msg/RegionOfInterest",
            "sensor_msgs/msg/CompressedImage", "geometry_msgs/msg/Vector3", "geometry_msgs/msg/Point",
            "geometry_msgs/msg/Quaternion", "geometry_msgs/msg/Pose", "geometry_msgs/msg/PoseWithCovariance",
            "geometry_msgs/msg/Twist", "geometry_msgs/msg/TwistWithCovariance", "geometry_msgs/msg/Transform",
            "geometry_msgs/msg/TransformStamped", "nav_msgs/msg/Odometry", "tf2_msgs/msg/TFMessage",
            "diagnostic_msgs/msg/DiagnosticArray", "diagnostic_msgs/msg/DiagnosticStatus", "diagnostic_msgs/msg/KeyValue",
            "rmw_dds_common/msg/ParticipantEntitiesInfo", "rmw_dds_common/msg/NodeEntitiesInfo", "rmw_dds_common/msg/Gid",
        ];
        Assert.Equal(expected.Order(), MessageDefinitions.RosTypes.Order());
    }

    [Fact]
    public void Get_CameraInfo_FieldsParsedWithArraysAndNestedTypes()
    {
        var s = MessageDefinitions.Get("sensor_msgs/CameraInfo");
        Assert.Equal("sensor_msgs/msg/CameraInfo", s.RosType);
        Assert.Equal("sensor_msgs::msg::dds_::CameraInfo_", s.DdsTypeName);
        Assert.Equal(["header", "height", "width", "distortion_model", "d", "k", "r", "p", "binning_x", "binning_y", "roi"],
            s.Fields.Select(f => f.Name));
        Assert.Equal(new FieldSchema("header", FieldKind.Message, "std_msgs/msg/Header", ArrayKind.None, 0, null), s.Fields[0]);
        Assert.Equal(new FieldSchema("d", FieldKind.Float64, null, ArrayKind.Unbounded, 0, null), s.Fields[4]);
        Assert.Equal(new FieldSchema("p", FieldKind.Float64, null, ArrayKind.Fixed, 12, null), s.Fields[7]);
        Assert.Equal("sensor_msgs/msg/RegionOfInterest", s.Fields[10].NestedType);
        Assert.Equal(["builtin_interfaces/msg/Time", "sensor_msgs/msg/RegionOfInterest", "std_msgs/msg/Header"], s.Dependencies);
    }

    [Fact]
    public void Get_ConstantsDefaultsAndBounds_Parsed()
    {
        var status = MessageDefinitions.Get("diagnostic_msgs/msg/DiagnosticStatus");
        Assert.Equal([("OK", "0"), ("WARN", "1"), ("ERROR", "2"), ("STALE", "3")], status.Constants.Select(c => (c.Name, c.Value)));
        Assert.All(status.Constants, c => Assert.Equal(FieldKind.Byte, c.Kind));
        Assert.Equal(5, status.Fields.Count);
        Assert.Equal("1", MessageDefinitions.Get("geometry_msgs/msg/Quaternion").Fields[3].DefaultValue);
        var node = MessageDefinitions.Get("rmw_dds_common/msg/NodeEntitiesInfo");
        Assert.Equal(256, node.Fields[0].StringBound);
        Assert.Equal("rmw_dds_common/msg/Gid", node.Fields[2].NestedType);
    }

    [Fact]
    public void Get_GidPerDistro_SixteenOrTwentyFourChars()
    {
        var jazzy = MessageDefinitions.Get("rmw_dds_common/msg/Gid").Fields.Single();
        var humble = MessageDefinitions.Get("rmw_dds_common/msg/Gid", GidSize.Humble).Fields.Single();
        Assert.Equal((FieldKind.Char, ArrayKind.Fixed, 16), (jazzy.Kind, jazzy.Array, jazzy.ArrayLength));
        Assert.Equal((FieldKind.Char, ArrayKind.Fixed, 24), (humble.Kind, humble.Array, humble.ArrayLength));
        Assert.Contains("char[24] data", MessageDefinitions.Get("rmw_dds_common/msg/ParticipantEntitiesInfo", GidSize.Humble).FullText);
        Assert.NotEqual(MessageDefinitions.Get("rmw_dds_common/msg/ParticipantEntitiesInfo").Rihs01,
            MessageDefinitions.Get("rmw_dds_common/msg/ParticipantEntitiesInfo", GidSize.Humble).Rihs01);
    }

    [Fact]
    public void Get_UnknownType_ThrowsKeyNotFound()
    {
        Assert.Throws<KeyNotFoundException>(() => MessageDefinitions.Get("sensor_msgs/msg/PointCloud2"));
        Assert.False(MessageDefinitions.TryGet("sensor_msgs/msg/PointCloud2", out _));
    }
}
