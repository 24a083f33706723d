using CvM.Bags.Mcap;
using CvM.Bags.Sqlite;

namespace CvM.Bags.Tests;

/// <summary>MCAP written by our writer with zstd chunks (small chunks, so some overlap in time).</summary>
public sealed class McapZstdStorageContractTests : BagStorageReaderContract
{
    protected override string ExpectedStorageIdentifier => "mcap";

    protected override long? ExpectedPublishTime(long logTimeNs) => logTimeNs + 1;

    protected override IBagStorageReader Create(IReadOnlyList<TestMessage> messages)
    {
        var dir = SampleBag.WriteMcap(Dir.Combine("bag"), messages, chunkSize: 64 * 1024);
        var reader = McapStorageReader.Open(Path.Combine(dir, "bag_0.mcap"));
        Assert.True(reader.IsIndexed);
        return reader;
    }
}

/// <summary>MCAP with uncompressed chunks.</summary>
public sealed class McapUncompressedStorageContractTests : BagStorageReaderContract
{
    protected override string ExpectedStorageIdentifier => "mcap";

    protected override long? ExpectedPublishTime(long logTimeNs) => logTimeNs + 1;

    protected override IBagStorageReader Create(IReadOnlyList<TestMessage> messages)
    {
        var dir = SampleBag.WriteMcap(Dir.Combine("bag"), messages, chunkSize: 32 * 1024, zstdLevel: 0);
        return McapStorageReader.Open(Path.Combine(dir, "bag_0.mcap"));
    }
}

/// <summary>sqlite3 in the schema of Iron/Jazzy rosbag2 (message_definitions, QoS, hashes).</summary>
public sealed class SqliteStorageContractTests : BagStorageReaderContract
{
    protected override string ExpectedStorageIdentifier => "sqlite3";

    protected override long? ExpectedPublishTime(long logTimeNs) => null;

    protected override IBagStorageReader Create(IReadOnlyList<TestMessage> messages)
    {
        var path = Dir.Combine("bag_0.db3");
        SqliteBagBuilder.Write(path, SampleBag.Topics, messages);
        return SqliteStorageReader.Open(path);
    }
}
