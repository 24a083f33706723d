using CvM.Synthetic;
using System.Buffers.Binary;
using CvM.Messages.Cdr;
using CvM.Messages.GeometryMsgs;
using CvM.Messages.NavMsgs;
using CvM.Messages.SensorMsgs;
using CvM.Messages.StdMsgs;
using CvM.Messages.Tf2Msgs;
using CvM.TestSupport;

namespace CvM.Bags.Tests;

/// <summary>The real bags of ../shared/data/rosbags (skipped when absent); expected counts are those of its README.</summary>
public sealed class SharedDataBagTests
{
    /// <summary>Per-topic counts from shared/data/rosbags/README.txt, by bag path relative to that folder.</summary>
    private static readonly Dictionary<string, Dictionary<string, long>> ReadmeCounts = new()
    {
        ["redkitchen_seq50_stride2"] = new()
        {
            ["/camera/color/image_raw"] = 25,
            ["/camera/depth/image_raw"] = 25,
            ["/camera/color/camera_info"] = 25,
            ["/camera/depth/camera_info"] = 25,
            ["/odom"] = 25,
            ["/tf"] = 25,
            ["/tf_static"] = 1,
        },
        ["ros2_written_reference/nav2_turtlebot.mcap"] = new() { ["/odom"] = 2639, ["/tf"] = 5422, ["/tf_static"] = 1, ["/amcl_pose"] = 135 },
        ["ros2_written_reference/tf_example"] = new() { ["/tf"] = 517, ["/tf_static"] = 1 },
    };

    private static string Rosbags() => Path.Combine(RepoPaths.RequireSharedData(), "rosbags");

    /// <summary>Every bag under rosbags/: folders with metadata.yaml and loose .mcap/.db3 files.</summary>
    private static List<string> FindBags(string root)
    {
        var bags = Directory.EnumerateFiles(root, BagMetadataYaml.FileName, SearchOption.AllDirectories).Select(Path.GetDirectoryName).ToList();
        var loose = Directory.EnumerateFiles(root, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".mcap", StringComparison.Ordinal) || f.EndsWith(".db3", StringComparison.Ordinal))
            .Where(f => !File.Exists(Path.Combine(Path.GetDirectoryName(f)!, BagMetadataYaml.FileName)));
        return bags.Concat(loose).Select(p => Path.GetRelativePath(root, p!)).Order().ToList();
    }

    [SkippableFact]
    public void BagReader_EveryBagInSharedData_PerTopicCountsEqualReadme()
    {
        var root = Rosbags();
        var bags = FindBags(root);
        Assert.Equal(ReadmeCounts.Keys.Order(), bags);
        foreach (var name in bags)
        {
            using var bag = BagReader.Open(Path.Combine(root, name));
            var counted = bag.ReadMessages().GroupBy(m => m.Topic.Name).ToDictionary(g => g.Key, g => (long)g.Count());
            Assert.Equal(ReadmeCounts[name].OrderBy(kv => kv.Key), counted.OrderBy(kv => kv.Key));
            Assert.Equal(ReadmeCounts[name].OrderBy(kv => kv.Key), bag.CountMessagesByTopic().OrderBy(kv => kv.Key));
            Assert.Equal(ReadmeCounts[name].OrderBy(kv => kv.Key),
                bag.Metadata.TopicsWithMessageCount.ToDictionary(t => t.Topic.Name, t => t.MessageCount).OrderBy(kv => kv.Key));
            Assert.Empty(bag.Errors);
            Assert.All(bag.Topics, t => Assert.Equal("ros2msg", t.Definition?.Encoding));
        }
    }

    private static void AssertUnitQuaternion(Quaternion q)
    {
        Assert.True(double.IsFinite(q.X) && double.IsFinite(q.Y) && double.IsFinite(q.Z) && double.IsFinite(q.W));
        Assert.InRange(Math.Sqrt(q.X * q.X + q.Y * q.Y + q.Z * q.Z + q.W * q.W), 1 - 1e-6, 1 + 1e-6);
    }

    private static void AssertFinite(params double[] values) => Assert.All(values, v => Assert.True(double.IsFinite(v)));

    [SkippableTheory]
    [InlineData("ros2_written_reference/nav2_turtlebot.mcap")]
    [InlineData("ros2_written_reference/tf_example")]
    [InlineData("redkitchen_seq50_stride2")]
    public void BagReader_OdometryTfAndPoses_AreFiniteWithUnitQuaternions(string name)
    {
        using var bag = BagReader.Open(Path.Combine(Rosbags(), name));
        var checkedCount = 0;
        long previous = long.MinValue;
        foreach (var m in bag.ReadMessages())
        {
            Assert.True(m.LogTimeNs >= previous, "log times go back");
            previous = m.LogTimeNs;
            switch (m.Topic.Type)
            {
                case "nav_msgs/msg/Odometry":
                    var odom = CdrCodec.Deserialize<Odometry>(m.Data.Span);
                    AssertFinite(odom.Pose.Pose.Position.X, odom.Pose.Pose.Position.Y, odom.Pose.Pose.Position.Z,
                        odom.Twist.Twist.Linear.X, odom.Twist.Twist.Angular.Z);
                    AssertFinite(odom.Pose.Covariance);
                    AssertUnitQuaternion(odom.Pose.Pose.Orientation);
                    Assert.NotEmpty(odom.Header.FrameId);
                    checkedCount++;
                    break;
                case "tf2_msgs/msg/TFMessage":
                    var tf = CdrCodec.Deserialize<TFMessage>(m.Data.Span);
                    Assert.NotEmpty(tf.Transforms);
                    foreach (var t in tf.Transforms)
                    {
                        AssertFinite(t.Transform.Translation.X, t.Transform.Translation.Y, t.Transform.Translation.Z);
                        AssertUnitQuaternion(t.Transform.Rotation);
                        Assert.NotEmpty(t.ChildFrameId);
                    }
                    checkedCount++;
                    break;
                case "geometry_msgs/msg/PoseWithCovarianceStamped":
                    var reader = new CdrReader(m.Data.Span);
                    Assert.NotEmpty(Header.Read(ref reader).FrameId);
                    var pose = PoseWithCovariance.Read(ref reader);
                    AssertFinite(pose.Pose.Position.X, pose.Pose.Position.Y, pose.Pose.Position.Z);
                    AssertUnitQuaternion(pose.Pose.Orientation);
                    checkedCount++;
                    break;
            }
        }
        Assert.True(checkedCount > 0);
    }

    [SkippableFact]
    public void BagReader_RedkitchenImages_EqualSourcePngsPixelForPixel()
    {
        var data = RepoPaths.RequireSharedData();
        var frames = Path.Combine(data, "7scenes_redkitchen_seq50", "rgbd-frames");
        using var bag = BagReader.Open(Path.Combine(data, "rosbags", "redkitchen_seq50_stride2"));
        var seen = new HashSet<(string, int)>();
        foreach (var m in bag.ReadMessages(BagReadFilter.ForTopics("/camera/color/image_raw", "/camera/depth/image_raw")))
        {
            var image = CdrCodec.Deserialize<Image>(m.Data.Span);
            var stampNs = image.Header.Stamp.Sec * 1_000_000_000L + image.Header.Stamp.Nanosec;
            Assert.Equal(m.LogTimeNs, stampNs);
            var frame = (int)Math.Round((stampNs - 1_700_000_000_000_000_000L) * 30 / 1e9);
            var color = m.Topic.Name.Contains("color", StringComparison.Ordinal);
            var png = PngReader.Decode(File.ReadAllBytes(Path.Combine(frames, $"frame-{frame:D6}.{(color ? "color" : "depth")}.png")));
            Assert.Equal((png.Width, png.Height), ((int)image.Width, (int)image.Height));
            if (color)
            {
                Assert.Equal("rgb8", image.Encoding);
                Assert.Equal((8, 3), (png.BitDepth, png.Channels));
                Assert.Equal((uint)png.Width * 3, image.Step);
                Assert.True(png.Samples8.AsSpan().SequenceEqual(image.Data), $"colour frame {frame} differs");
            }
            else
            {
                Assert.Equal("16UC1", image.Encoding);
                Assert.Equal((16, 1), (png.BitDepth, png.Channels));
                Assert.Equal((uint)png.Width * 2, image.Step);
                for (var i = 0; i < png.Width * png.Height; i++)
                {
                    var expected = png.Samples16[i];
                    var actual = image.IsBigendian != 0
                        ? BinaryPrimitives.ReadUInt16BigEndian(image.Data.AsSpan(2 * i))
                        : BinaryPrimitives.ReadUInt16LittleEndian(image.Data.AsSpan(2 * i));
                    if (expected != actual) Assert.Fail($"depth frame {frame} pixel {i}: {actual} != {expected}");
                }
            }
            Assert.True(seen.Add((m.Topic.Name, frame)));
        }
        Assert.Equal(50, seen.Count);
        Assert.Equal(Enumerable.Range(0, 25).Select(k => 150 + 2 * k), seen.Where(s => s.Item1.Contains("color", StringComparison.Ordinal)).Select(s => s.Item2).Order());
    }

    [SkippableFact]
    public void McapStorageReader_Nav2BagWrittenByRos2Bag_SameMessagesAsMcapCore()
    {
        var file = Path.Combine(Rosbags(), "ros2_written_reference", "nav2_turtlebot.mcap");
        var json = System.Text.Json.Nodes.JsonNode.Parse(NpmPeer.Run("mcap-read.js", [file], timeout: TimeSpan.FromMinutes(2)).StdOut)!;
        var theirs = json["messages"]!.AsArray().Select(x => ((string)x!["topic"]!, long.Parse((string)x["logTime"]!), long.Parse((string)x["publishTime"]!))).ToList();
        using var reader = Mcap.McapStorageReader.Open(file);
        var ours = reader.ReadMessages().Select(m => (m.Topic.Name, m.LogTimeNs, m.PublishTimeNs!.Value)).ToList();
        Assert.Equal(theirs.Order(), ours.Order());
        Assert.Equal(theirs.Select(x => x.Item2), ours.Select(x => x.Item2));
        var theirOdom = json["messages"]!.AsArray().Where(x => (string?)x!["topic"] == "/odom").Select(x => (double)x!["value"]!["pose"]!["pose"]!["position"]!["x"]!).ToList();
        var ourOdom = reader.ReadMessages(BagReadFilter.ForTopics("/odom")).Select(m => CdrCodec.Deserialize<Odometry>(m.Data.Span).Pose.Pose.Position.X).ToList();
        Assert.Equal(theirOdom, ourOdom);
    }
}
