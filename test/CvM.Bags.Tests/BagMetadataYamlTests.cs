namespace CvM.Bags.Tests;

/// <summary>metadata.yaml of versions 4..9 in the shapes rosbag2 writes them.</summary>
public sealed class BagMetadataYamlTests
{
    /// <summary>A Humble-style (version 5) file: QoS as a YAML string with rmw enum numbers.</summary>
    private const string Version5 = """
        rosbag2_bagfile_information:
          version: 5
          storage_identifier: sqlite3
          duration:
            nanoseconds: 2500000000
          starting_time:
            nanoseconds_since_epoch: 1650000000000000000
          message_count: 30
          topics_with_message_count:
            - topic_metadata:
                name: /scan
                type: sensor_msgs/msg/LaserScan
                serialization_format: cdr
                offered_qos_profiles: "- history: 3\n  depth: 0\n  reliability: 2\n  durability: 2\n  deadline:\n    sec: 9223372036\n    nsec: 854775807\n  lifespan:\n    sec: 9223372036\n    nsec: 854775807\n  liveliness: 1\n  liveliness_lease_duration:\n    sec: 9223372036\n    nsec: 854775807\n  avoid_ros_namespace_conventions: false"
              message_count: 30
          compression_format: zstd
          compression_mode: FILE
          relative_file_paths:
            - rosbag2_2022_04_15_0.db3.zstd
          files:
            - path: rosbag2_2022_04_15_0.db3
              starting_time:
                nanoseconds_since_epoch: 1650000000000000000
              duration:
                nanoseconds: 2500000000
              message_count: 30
        """;

    /// <summary>A Jazzy-style (version 9) file: QoS as a YAML sequence with names, type hash, custom data, distro.</summary>
    private const string Version9 = """
        rosbag2_bagfile_information:
          version: 9
          storage_identifier: mcap
          duration:
            nanoseconds: 97355296000
          starting_time:
            nanoseconds_since_epoch: 1778234353382747000
          message_count: 2
          topics_with_message_count:
            - topic_metadata:
                name: /odom
                type: nav_msgs/msg/Odometry
                serialization_format: cdr
                offered_qos_profiles:
                  - history: keep_last
                    depth: 10
                    reliability: best_effort
                    durability: transient_local
                    deadline:
                      sec: 1
                      nsec: 500
                    lifespan:
                      sec: 9223372036
                      nsec: 854775807
                    liveliness: automatic
                    liveliness_lease_duration:
                      sec: 9223372036
                      nsec: 854775807
                    avoid_ros_namespace_conventions: false
                type_description_hash: RIHS01_3cc97dc7fb7502f8714462c526d369e35b603cfc34d946e3f2eda2766dfec6e0
              message_count: 2
          compression_format: ""
          compression_mode: ""
          relative_file_paths:
            - bag_0.mcap
          files:
            - path: bag_0.mcap
              starting_time:
                nanoseconds_since_epoch: 1778234353382747000
              duration:
                nanoseconds: 97355296000
              message_count: 2
          custom_data:
            robot: tb3
          ros_distro: jazzy
        """;

    [Fact]
    public void Parse_Version5WithNumericQosString_MapsEnumsToNames()
    {
        var m = BagMetadataYaml.Parse(Version5, "metadata.yaml");
        Assert.Equal((5, "sqlite3", 2_500_000_000L, 1_650_000_000_000_000_000L, 30L), (m.Version, m.StorageIdentifier, m.DurationNs, m.StartingTimeNs, m.MessageCount));
        Assert.Equal(("zstd", "FILE"), (m.CompressionFormat, m.CompressionMode));
        var t = Assert.Single(m.TopicsWithMessageCount);
        Assert.Equal(("/scan", "sensor_msgs/msg/LaserScan", 30L), (t.Topic.Name, t.Topic.Type, t.MessageCount));
        var q = Assert.Single(t.Topic.OfferedQosProfiles);
        Assert.Equal(new BagQosProfile("unknown", 0, "best_effort", "volatile"), q);
        Assert.Equal(["rosbag2_2022_04_15_0.db3.zstd"], m.RelativeFilePaths);
        Assert.Equal(new BagFileInformation("rosbag2_2022_04_15_0.db3", 1_650_000_000_000_000_000L, 2_500_000_000L, 30), Assert.Single(m.Files));
        Assert.Equal("", m.RosDistro);
    }

    [Fact]
    public void Parse_Version9WithQosSequence_ReadsNamesDurationsHashAndCustomData()
    {
        var m = BagMetadataYaml.Parse(Version9, "metadata.yaml");
        var t = Assert.Single(m.TopicsWithMessageCount).Topic;
        Assert.Equal(new BagQosProfile("keep_last", 10, "best_effort", "transient_local", DeadlineNs: 1_000_000_500), Assert.Single(t.OfferedQosProfiles));
        Assert.Equal("RIHS01_3cc97dc7fb7502f8714462c526d369e35b603cfc34d946e3f2eda2766dfec6e0", t.TypeDescriptionHash);
        Assert.Equal("tb3", m.CustomData["robot"]);
        Assert.Equal("jazzy", m.RosDistro);
    }

    [Theory]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(9)]
    public void Serialize_ThenParse_GivesBackTheFieldsOfThatVersion(int version)
    {
        var qos = new BagQosProfile("keep_last", 5, "best_effort", "volatile", DeadlineNs: 2_000_000_001, LivelinessLeaseDurationNs: 7);
        var m = new BagMetadata
        {
            Version = version,
            StorageIdentifier = "mcap",
            DurationNs = 123,
            StartingTimeNs = 1_700_000_000_000_000_000,
            MessageCount = 4,
            TopicsWithMessageCount = [new BagTopicInformation(new BagTopic("/camera/image_raw", "sensor_msgs/msg/Image", "cdr", [qos, BagQosProfile.Default], "RIHS01_ab"), 4)],
            RelativeFilePaths = ["x_0.mcap"],
            Files = [new BagFileInformation("x_0.mcap", 1_700_000_000_000_000_000, 123, 4)],
            CustomData = new Dictionary<string, string> { ["k"] = "v: with colon" },
            RosDistro = "jazzy",
        };
        var back = BagMetadataYaml.Parse(BagMetadataYaml.Serialize(m), "x");
        Assert.Equal((m.Version, m.StorageIdentifier, m.DurationNs, m.StartingTimeNs, m.MessageCount), (back.Version, back.StorageIdentifier, back.DurationNs, back.StartingTimeNs, back.MessageCount));
        var topic = Assert.Single(back.TopicsWithMessageCount);
        Assert.Equal(4, topic.MessageCount);
        Assert.Equal([qos, BagQosProfile.Default], topic.Topic.OfferedQosProfiles);
        Assert.Equal(version >= 7 ? "RIHS01_ab" : "", topic.Topic.TypeDescriptionHash);
        Assert.Equal(m.RelativeFilePaths, back.RelativeFilePaths);
        Assert.Equal(version >= 5 ? m.Files : [], back.Files);
        Assert.Equal(version >= 6 ? "v: with colon" : null, back.CustomData.GetValueOrDefault("k"));
        Assert.Equal(version >= 8 ? "jazzy" : "", back.RosDistro);
    }

    [Fact]
    public void Parse_UnsupportedVersionOrMissingField_ThrowsInvalidMetadataNamingFile()
    {
        var e = Assert.Throws<BagReadException>(() => BagMetadataYaml.Parse(Version9.Replace("version: 9", "version: 11"), "/bags/b/metadata.yaml"));
        Assert.Equal((BagErrorKind.InvalidMetadata, "/bags/b/metadata.yaml"), (e.Kind, e.FilePath));
        var e2 = Assert.Throws<BagReadException>(() => BagMetadataYaml.Parse(Version9.Replace("  storage_identifier: mcap\n", ""), "m.yaml"));
        Assert.Equal(BagErrorKind.InvalidMetadata, e2.Kind);
        Assert.Contains("storage_identifier", e2.Message);
        Assert.Equal(BagErrorKind.InvalidMetadata, Assert.Throws<BagReadException>(() => BagMetadataYaml.Parse("rosbag2_bagfile_information: [", "m.yaml")).Kind);
    }

    [Fact]
    public void McapBagWriter_Dispose_WritesMetadataThatMatchesTheFile()
    {
        using var dir = new TestDirectory();
        var written = SampleBag.Messages(90);
        var bag = SampleBag.WriteMcap(dir.Combine("rec"), written);
        var m = BagMetadataYaml.Load(bag);
        Assert.Equal((9, "mcap", "jazzy", 90L), (m.Version, m.StorageIdentifier, m.RosDistro, m.MessageCount));
        Assert.Equal(["rec_0.mcap"], m.RelativeFilePaths);
        Assert.Equal(written.Min(x => x.LogTimeNs), m.StartingTimeNs);
        Assert.Equal(written.Max(x => x.LogTimeNs) - written.Min(x => x.LogTimeNs), m.DurationNs);
        foreach (var t in m.TopicsWithMessageCount)
        {
            Assert.Equal(written.Count(x => x.Topic == t.Topic.Name), t.MessageCount);
            Assert.Equal(SampleBag.Topics.Single(x => x.Name == t.Topic.Name).OfferedQosProfiles, t.Topic.OfferedQosProfiles);
        }
        Assert.Contains("        offered_qos_profiles:\n          - history: keep_last\n            depth: 10\n", File.ReadAllText(Path.Combine(bag, "metadata.yaml")));
    }
}
