using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using CvM.Bags.Mcap;
using CvM.Messages.Cdr;
using CvM.Messages.Definitions;
using CvM.Messages.NavMsgs;
using CvM.Messages.SensorMsgs;
using CvM.TestSupport;

namespace CvM.Bags.Tests;

/// <summary>Our writer against @mcap/core + @foxglove/rosmsg2-serialization, and @mcap/core's writer against our reader.</summary>
public sealed class NpmInteropTests : IDisposable
{
    private const long T0 = 1_700_000_000_000_000_000;
    private readonly TestDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static JsonNode ReadWithMcapCore(string file) =>
        JsonNode.Parse(NpmPeer.Run("mcap-read.js", [file], timeout: TimeSpan.FromMinutes(2)).StdOut)!;

    [Fact]
    public void McapBagWriter_OdometryImageTf_McapCoreValidatesCrcsAndRosmsg2DecodesValues()
    {
        var odom = SampleBag.Odom;
        var image = SampleBag.Image;
        var tf = SampleBag.Tf;
        const int n = 40;
        var bag = _dir.Combine("interop");
        using (var w = McapBagWriter.Create(bag, new McapBagWriterOptions(ChunkSize: 16 * 1024)))
        {
            w.AddTopic(odom);
            w.AddTopic(image);
            w.AddTopic(tf);
            for (var i = 0; i < n; i++)
            {
                var t = T0 + i * 33_000_000L;
                w.Write(odom.Name, t, RosSamples.Cdr(RosSamples.Odometry(i, t)), t - 1000);
                w.Write(image.Name, t + 1, RosSamples.Cdr(RosSamples.Image(i, t)), t - 2000);
                w.Write(tf.Name, t + 2, RosSamples.Cdr(RosSamples.Tf(i, t)), t - 3000);
            }
        }
        var json = ReadWithMcapCore(Path.Combine(bag, "interop_0.mcap"));

        Assert.Equal("ros2", (string?)json["profile"]);
        var schemas = json["schemas"]!.AsArray();
        foreach (var type in new[] { odom.Type, image.Type, tf.Type })
        {
            var s = schemas.Single(x => (string?)x!["name"] == type)!;
            Assert.Equal("ros2msg", (string?)s["encoding"]);
            Assert.Equal(MessageDefinitions.Get(type).FullText, (string?)s["text"]);
        }
        var odomChannel = json["channels"]!.AsArray().Single(c => (string?)c!["topic"] == odom.Name)!;
        Assert.Equal("cdr", (string?)odomChannel["messageEncoding"]);
        Assert.Equal(odom.TypeDescriptionHash, (string?)odomChannel["metadata"]!["topic_type_hash"]);
        var qosText = (string?)odomChannel["metadata"]!["offered_qos_profiles"];
        Assert.StartsWith("- history: keep_last\n  depth: 10\n  reliability: reliable\n  durability: volatile\n  deadline:\n    sec: 9223372036\n    nsec: 854775807", qosText);
        Assert.Equal((3 * n).ToString(), (string?)json["statistics"]!["messageCount"]);
        Assert.True((int)json["statistics"]!["chunkCount"]! > 1);
        Assert.All(json["chunkIndexes"]!.AsArray(), c => Assert.Equal("zstd", (string?)c!["compression"]));
        Assert.Equal(3 * n, (int)json["streamRecordCounts"]!["Message"]!);
        Assert.Equal((uint)json["dataSectionCrc"]!["computed"]!, (uint)json["dataSectionCrc"]!["stored"]!);

        var messages = json["messages"]!.AsArray();
        Assert.Equal(3 * n, messages.Count);
        for (var i = 0; i < n; i++)
        {
            var t = T0 + i * 33_000_000L;
            var o = messages[3 * i]!;
            Assert.Equal(odom.Name, (string?)o["topic"]);
            Assert.Equal(t.ToString(), (string?)o["logTime"]);
            Assert.Equal((t - 1000).ToString(), (string?)o["publishTime"]);
            var expected = RosSamples.Odometry(i, t);
            var v = o["value"]!;
            Assert.Equal("odom", (string?)v["header"]!["frame_id"]);
            Assert.Equal(expected.Header.Stamp.Sec, (int)v["header"]!["stamp"]!["sec"]!);
            Assert.Equal(expected.Header.Stamp.Nanosec, (uint)v["header"]!["stamp"]!["nanosec"]!);
            Assert.Equal("base_link", (string?)v["child_frame_id"]);
            Assert.Equal(expected.Pose.Pose.Position.X, (double)v["pose"]!["pose"]!["position"]!["x"]!);
            Assert.Equal(expected.Pose.Pose.Position.Y, (double)v["pose"]!["pose"]!["position"]!["y"]!);
            Assert.Equal(expected.Pose.Pose.Orientation.Z, (double)v["pose"]!["pose"]!["orientation"]!["z"]!);
            Assert.Equal(expected.Pose.Pose.Orientation.W, (double)v["pose"]!["pose"]!["orientation"]!["w"]!);
            Assert.Equal(Sha256(expected.Pose.Covariance), (string?)v["pose"]!["covariance"]!["sha256"]);
            Assert.Equal(expected.Twist.Twist.Angular.Z, (double)v["twist"]!["twist"]!["angular"]!["z"]!);

            var img = messages[3 * i + 1]!["value"]!;
            var expectedImage = RosSamples.Image(i, t);
            Assert.Equal(expectedImage.Width, (uint)img["width"]!);
            Assert.Equal(expectedImage.Height, (uint)img["height"]!);
            Assert.Equal("rgb8", (string?)img["encoding"]);
            Assert.Equal(expectedImage.Step, (uint)img["step"]!);
            Assert.Equal(expectedImage.Data.Length, (int)img["data"]!["length"]!);
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(expectedImage.Data)), (string?)img["data"]!["sha256"]);

            var tfValue = messages[3 * i + 2]!["value"]!["transforms"]![0]!;
            Assert.Equal("camera_link", (string?)tfValue["child_frame_id"]);
            Assert.Equal((double)i, (double)tfValue["transform"]!["translation"]!["x"]!);
            Assert.Equal(Math.Sin(0.05 * i), (double)tfValue["transform"]!["rotation"]!["y"]!);
        }
    }

    private static string Sha256(double[] values)
    {
        var bytes = new byte[values.Length * 8];
        Buffer.BlockCopy(values, 0, bytes, 0, bytes.Length);
        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }

    [Theory]
    [InlineData("lz4", true)]
    [InlineData("none", true)]
    [InlineData("none", false)]
    public void McapStorageReader_BagWrittenByMcapCore_ReadsEveryMessageWithValues(string compression, bool chunked)
    {
        const int n = 30;
        var odomType = "nav_msgs/msg/Odometry";
        var imageType = "sensor_msgs/msg/Image";
        var messages = new List<object>();
        for (var i = 0; i < n; i++)
        {
            var t = T0 + i * 50_000_000L;
            var o = RosSamples.Odometry(i, t);
            messages.Add(new
            {
                topic = "/odom",
                logTime = t.ToString(),
                publishTime = (t + 7).ToString(),
                value = new
                {
                    header = new { stamp = new { sec = o.Header.Stamp.Sec, nanosec = o.Header.Stamp.Nanosec }, frame_id = o.Header.FrameId },
                    child_frame_id = o.ChildFrameId,
                    pose = new
                    {
                        pose = new
                        {
                            position = new { x = o.Pose.Pose.Position.X, y = o.Pose.Pose.Position.Y, z = o.Pose.Pose.Position.Z },
                            orientation = new { x = o.Pose.Pose.Orientation.X, y = o.Pose.Pose.Orientation.Y, z = o.Pose.Pose.Orientation.Z, w = o.Pose.Pose.Orientation.W },
                        },
                        covariance = o.Pose.Covariance,
                    },
                    twist = new
                    {
                        twist = new
                        {
                            linear = new { x = o.Twist.Twist.Linear.X, y = o.Twist.Twist.Linear.Y, z = o.Twist.Twist.Linear.Z },
                            angular = new { x = o.Twist.Twist.Angular.X, y = o.Twist.Twist.Angular.Y, z = o.Twist.Twist.Angular.Z },
                        },
                        covariance = o.Twist.Covariance,
                    },
                },
            });
            var im = RosSamples.Image(i, t, 64, 48);
            messages.Add(new
            {
                topic = "/camera/image_raw",
                logTime = (t + 1).ToString(),
                publishTime = (t + 1).ToString(),
                value = new
                {
                    header = new { stamp = new { sec = im.Header.Stamp.Sec, nanosec = im.Header.Stamp.Nanosec }, frame_id = im.Header.FrameId },
                    height = im.Height,
                    width = im.Width,
                    encoding = im.Encoding,
                    is_bigendian = im.IsBigendian,
                    step = im.Step,
                    data = new { bytesBase64 = Convert.ToBase64String(im.Data) },
                },
            });
        }
        var job = new
        {
            compression,
            chunked,
            chunkSize = 8192,
            schemas = new[] { new { name = odomType, text = MessageDefinitions.Get(odomType).FullText }, new { name = imageType, text = MessageDefinitions.Get(imageType).FullText } },
            channels = new[] { new { topic = "/odom", schema = odomType, qos = "" }, new { topic = "/camera/image_raw", schema = imageType, qos = "" } },
            messages,
        };
        var file = _dir.Combine($"mcapcore_{compression}_{chunked}.mcap");
        NpmPeer.Run("mcap-write.js", [file], JsonSerializer.Serialize(job));

        using var reader = McapStorageReader.Open(file);
        Assert.Equal("ros2", reader.Profile);
        Assert.Equal(chunked, reader.IsIndexed);
        if (chunked)
        {
            var expectedCompression = compression == "none" ? "" : compression;
            Assert.All(ReadWithMcapCore(file)["chunkIndexes"]!.AsArray(), c => Assert.Equal(expectedCompression, (string?)c!["compression"]));
        }
        var decoded = new List<(string Topic, long Time, long? Publish, object Value)>();
        foreach (var m in reader.ReadMessages())
        {
            object value = m.Topic.Type == odomType ? CdrCodec.Deserialize<Odometry>(m.Data.Span) : CdrCodec.Deserialize<Image>(m.Data.Span);
            decoded.Add((m.Topic.Name, m.LogTimeNs, m.PublishTimeNs, value));
        }
        Assert.Equal(2 * n, decoded.Count);
        Assert.Empty(reader.Errors);
        for (var i = 0; i < n; i++)
        {
            var t = T0 + i * 50_000_000L;
            var (topic, time, publish, value) = decoded[2 * i];
            Assert.Equal(("/odom", t, t + 7), (topic, time, publish));
            var o = Assert.IsType<Odometry>(value);
            var e = RosSamples.Odometry(i, t);
            Assert.Equal(e.Header, o.Header);
            Assert.Equal(e.ChildFrameId, o.ChildFrameId);
            Assert.Equal(e.Pose.Pose, o.Pose.Pose);
            Assert.Equal(e.Pose.Covariance, o.Pose.Covariance);
            Assert.Equal(e.Twist.Twist, o.Twist.Twist);
            var im = Assert.IsType<Image>(decoded[2 * i + 1].Value);
            var ei = RosSamples.Image(i, t, 64, 48);
            Assert.Equal(t + 1, decoded[2 * i + 1].Time);
            Assert.Equal((ei.Width, ei.Height, ei.Encoding, ei.Step), (im.Width, im.Height, im.Encoding, im.Step));
            Assert.Equal(ei.Data, im.Data);
        }
        Assert.Equal(MessageDefinitions.Get(odomType).FullText, reader.Topics.Single(x => x.Name == "/odom").Definition!.Text);
    }
}
