namespace CvM.Bags.Mcap;

/// <summary>Options of <see cref="McapBagWriter"/>.</summary>
/// <param name="ChunkSize">Uncompressed bytes collected before a chunk is compressed and written (rosbag2's default 768 KiB).</param>
/// <param name="ZstdLevel">zstd level of the chunks (1 is fast; 0 writes uncompressed chunks).</param>
/// <param name="RosDistro">Written to <c>ros_distro</c> in metadata.yaml.</param>
/// <param name="MetadataVersion">metadata.yaml version to write (4..9).</param>
public sealed record McapBagWriterOptions(
    int ChunkSize = 786432,
    int ZstdLevel = 1,
    string RosDistro = "jazzy",
    int MetadataVersion = BagMetadataYaml.LatestVersion);
