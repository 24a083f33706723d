namespace CvM.Bags;

/// <summary>
/// The contents of a rosbag2 <c>metadata.yaml</c> (<c>rosbag2_bagfile_information</c>), versions 4 to 9.
/// Read and write it with <see cref="BagMetadataYaml"/>.
/// </summary>
public sealed record BagMetadata
{
    /// <summary>Metadata format version (4..9).</summary>
    public int Version { get; init; } = BagMetadataYaml.LatestVersion;

    /// <summary><c>mcap</c> or <c>sqlite3</c>.</summary>
    public string StorageIdentifier { get; init; } = "mcap";

    /// <summary>Time from the first to the last message, ns.</summary>
    public long DurationNs { get; init; }

    /// <summary>Log time of the first message, ns since epoch.</summary>
    public long StartingTimeNs { get; init; }

    /// <summary>Number of messages in all files.</summary>
    public long MessageCount { get; init; }

    /// <summary>Topics and their message counts.</summary>
    public IReadOnlyList<BagTopicInformation> TopicsWithMessageCount { get; init; } = [];

    /// <summary>File-level compression (<c>zstd</c>) or empty; chunk compression inside MCAP is not listed here.</summary>
    public string CompressionFormat { get; init; } = "";

    /// <summary><c>FILE</c>, <c>MESSAGE</c> or empty.</summary>
    public string CompressionMode { get; init; } = "";

    /// <summary>Storage files, relative to the bag folder, in recording order.</summary>
    public IReadOnlyList<string> RelativeFilePaths { get; init; } = [];

    /// <summary>Per-file information (version 5 and later; empty before).</summary>
    public IReadOnlyList<BagFileInformation> Files { get; init; } = [];

    /// <summary>User data (version 6 and later).</summary>
    public IReadOnlyDictionary<string, string> CustomData { get; init; } = new Dictionary<string, string>();

    /// <summary>ROS distribution that wrote the bag (version 8 and later), e.g. <c>jazzy</c>.</summary>
    public string RosDistro { get; init; } = "";
}
