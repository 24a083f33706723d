using System.Text;
using CvM.Bags.Mcap;
using CvM.Bags.Sqlite;

namespace CvM.Bags.Tests;

/// <summary>Damaged bags give typed errors naming file and offset/record; tolerant mode yields the valid messages.</summary>
public sealed class BrokenBagTests : IDisposable
{
    private readonly TestDirectory _dir = new();
    private readonly List<TestMessage> _written = SampleBag.Messages(300);

    public void Dispose() => _dir.Dispose();

    private (string File, byte[] Bytes) WriteBag(int zstdLevel = 1)
    {
        var bag = SampleBag.WriteMcap(_dir.Combine("bag"), _written, chunkSize: 32 * 1024, zstdLevel: zstdLevel);
        var file = Path.Combine(bag, "bag_0.mcap");
        return (file, File.ReadAllBytes(file));
    }

    private static HashSet<string> Keys(IEnumerable<TestMessage> messages) =>
        messages.Select(m => $"{m.Topic}|{m.LogTimeNs}|{Convert.ToHexString(m.Data)}").ToHashSet();

    private static List<string> ReadKeys(IBagStorageReader reader) =>
        reader.ReadMessages().Select(m => $"{m.Topic.Name}|{m.LogTimeNs}|{Convert.ToHexString(m.Data.Span)}").ToList();

    /// <summary>Messages written into chunks other than <paramref name="skip"/>: a chunk holds the messages written between its bounds.</summary>
    private List<TestMessage> MessagesOutsideChunk(byte[] file, int skip)
    {
        using var reader = McapStorageReader.Open(WriteCopy(file, "intact.mcap"));
        // Keys are built while each message's pooled data is still valid (before the enumerator advances).
        var perChunk = reader.ReadMessages().Select(m => (Chunk: m.FileOrder >> 32, Key: $"{m.Topic.Name}|{m.LogTimeNs}|{Convert.ToHexString(m.Data.Span)}"))
            .ToList().GroupBy(x => x.Chunk).ToDictionary(g => g.Key, g => g.Select(x => x.Key).ToList());
        var lost = perChunk.OrderBy(kv => kv.Key).ElementAt(skip).Value.ToHashSet();
        return _written.Where(m => !lost.Contains($"{m.Topic}|{m.LogTimeNs}|{Convert.ToHexString(m.Data)}")).ToList();
    }

    private string WriteCopy(byte[] bytes, string name)
    {
        var path = _dir.Combine(name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    [Fact]
    public void McapOpen_TruncatedFile_StrictThrowsTruncatedNamingFileAndOffset_TolerantYieldsCompleteChunks()
    {
        var (_, bytes) = WriteBag();
        var chunks = McapLayout.Chunks(bytes);
        Assert.True(chunks.Count >= 6);
        var cut = (int)(chunks[4].Offset + chunks[4].Length / 2);
        var path = WriteCopy(bytes[..cut], "truncated.mcap");

        var e = Assert.Throws<BagReadException>(() => McapStorageReader.Open(path));
        Assert.Equal(BagErrorKind.Truncated, e.Kind);
        Assert.Equal(path, e.FilePath);
        Assert.NotNull(e.Error.Offset);
        Assert.Contains(path, e.Message);

        using var reader = McapStorageReader.Open(path, BagReadOptions.Tolerant);
        Assert.False(reader.IsIndexed);
        var got = ReadKeys(reader);
        var valid = Keys(_written);
        Assert.All(got, k => Assert.Contains(k, valid));
        // Messages of the first four chunks all come back.
        var firstFourEnd = chunks[3].Offset + chunks[3].Length;
        using var intact = McapStorageReader.Open(WriteCopy(bytes, "intact.mcap"));
        var expectedCount = intact.ReadMessages().Count(m => (m.FileOrder >> 32) < 4);
        Assert.Equal(expectedCount, got.Count);
        Assert.Contains(reader.Errors, x => x.Kind == BagErrorKind.Truncated && x.Offset == chunks[4].Offset && x.FilePath == path);
        Assert.True(firstFourEnd < cut);
    }

    [Fact]
    public void McapRead_ChunkWithBadCrc_StrictThrowsCrcMismatchAtChunk_TolerantYieldsAllOtherMessages()
    {
        var (_, bytes) = WriteBag(zstdLevel: 0);
        var original = bytes.ToArray();
        var chunk = McapLayout.Chunks(bytes)[2];
        bytes[chunk.RecordsOffset + chunk.RecordsLength - 3] ^= 0x5A; // inside the last message's payload
        var path = WriteCopy(bytes, "badcrc.mcap");

        using (var strict = McapStorageReader.Open(path))
        {
            var e = Assert.Throws<BagReadException>(() => strict.ReadMessages().Count());
            Assert.Equal(BagErrorKind.CrcMismatch, e.Kind);
            Assert.Equal(chunk.Offset, e.Error.Offset);
            Assert.Equal(path, e.FilePath);
            Assert.Equal("Chunk #2", e.Error.Record);
        }
        using var reader = McapStorageReader.Open(path, BagReadOptions.Tolerant);
        var expected = MessagesOutsideChunk(original, 2);
        Assert.Equal(SampleBag.Expected(expected).Select(m => $"{m.Topic}|{m.LogTimeNs}|{Convert.ToHexString(m.Data)}"), ReadKeys(reader));
        Assert.Single(reader.Errors, x => x.Kind == BagErrorKind.CrcMismatch && x.Offset == chunk.Offset);
    }

    [Fact]
    public void McapRead_CorruptZstdChunk_StrictThrowsDecompressionFailed_TolerantYieldsAllOtherMessages()
    {
        var (_, bytes) = WriteBag();
        var original = bytes.ToArray();
        var chunk = McapLayout.Chunks(bytes)[1];
        for (var i = 0; i < 8; i++) bytes[chunk.RecordsOffset + i] = 0xEE; // zstd frame magic and header
        var path = WriteCopy(bytes, "corrupt.mcap");

        using (var strict = McapStorageReader.Open(path))
        {
            var e = Assert.Throws<BagReadException>(() => strict.ReadMessages().Count());
            Assert.Equal(BagErrorKind.DecompressionFailed, e.Kind);
            Assert.Equal(chunk.Offset, e.Error.Offset);
            Assert.Contains("zstd", e.Message);
        }
        using var reader = McapStorageReader.Open(path, BagReadOptions.Tolerant);
        var expected = MessagesOutsideChunk(original, 1);
        Assert.Equal(SampleBag.Expected(expected).Select(m => $"{m.Topic}|{m.LogTimeNs}|{Convert.ToHexString(m.Data)}"), ReadKeys(reader));
        Assert.Single(reader.Errors, x => x.Kind == BagErrorKind.DecompressionFailed && x.Offset == chunk.Offset);
    }

    [Fact]
    public void McapOpen_Ros2IdlSchema_StrictThrowsUnsupportedNamingSchema_TolerantReadsOtherTopics()
    {
        var (_, bytes) = WriteBag();
        var pattern = Encoding.ASCII.GetBytes("sensor_msgs/msg/Image\u0007\0\0\0ros2msg");
        var patched = 0;
        for (var i = bytes.AsSpan().IndexOf(pattern); i >= 0; i = bytes.AsSpan().IndexOf(pattern))
        {
            Encoding.ASCII.GetBytes("ros2idl").CopyTo(bytes, i + pattern.Length - 7);
            patched++;
        }
        Assert.Equal(2, patched); // data section and summary
        McapLayout.ClearSummaryCrc(bytes);
        var path = WriteCopy(bytes, "idl.mcap");

        var e = Assert.Throws<BagReadException>(() => McapStorageReader.Open(path));
        Assert.Equal(BagErrorKind.UnsupportedSchemaEncoding, e.Kind);
        Assert.Contains("sensor_msgs/msg/Image", e.Error.Record);
        Assert.Contains("ros2idl", e.Message);
        Assert.NotNull(e.Error.Offset);

        using var reader = McapStorageReader.Open(path, BagReadOptions.Tolerant);
        Assert.DoesNotContain(reader.Topics, t => t.Name == SampleBag.Image.Name);
        var expected = SampleBag.Expected(_written.Where(m => m.Topic != SampleBag.Image.Name));
        Assert.Equal(expected.Select(m => $"{m.Topic}|{m.LogTimeNs}|{Convert.ToHexString(m.Data)}"), ReadKeys(reader));
        Assert.Contains(reader.Errors, x => x.Kind == BagErrorKind.UnsupportedSchemaEncoding);
    }

    [Fact]
    public void McapOpen_BadSummaryCrc_StrictThrows_TolerantScansAllMessages()
    {
        var (_, bytes) = WriteBag();
        var summaryStart = (int)BitConverter.ToUInt64(bytes, bytes.Length - 8 - 20);
        bytes[summaryStart + 12] ^= 0x01; // inside the first summary record
        var path = WriteCopy(bytes, "badsummary.mcap");
        var e = Assert.Throws<BagReadException>(() => McapStorageReader.Open(path));
        Assert.Equal((BagErrorKind.CrcMismatch, (long?)summaryStart, "Summary"), (e.Kind, e.Error.Offset, e.Error.Record));
        using var reader = McapStorageReader.Open(path, BagReadOptions.Tolerant);
        Assert.False(reader.IsIndexed);
        Assert.Equal(Keys(_written), ReadKeys(reader).ToHashSet());
        Assert.Equal(_written.Count, reader.ReadMessages().Count());
    }

    [Fact]
    public void McapOpen_DataSectionCrcVerified_DetectsFlippedByteOutsideChunks()
    {
        var (_, bytes) = WriteBag(zstdLevel: 0);
        using (var ok = McapStorageReader.Open(WriteCopy(bytes, "ok.mcap"), new BagReadOptions(VerifyDataSectionCrc: true))) Assert.Empty(ok.Errors);
        bytes[10] ^= 0x01; // inside the Header record
        var path = WriteCopy(bytes, "baddata.mcap");
        var e = Assert.Throws<BagReadException>(() => McapStorageReader.Open(path, new BagReadOptions(VerifyDataSectionCrc: true)));
        Assert.Equal((BagErrorKind.CrcMismatch, "DataEnd"), (e.Kind, e.Error.Record));
    }

    [Fact]
    public void BagReaderOpen_MetadataNamesMissingFile_StrictThrowsMissingFile_TolerantReadsTheRest()
    {
        var (file, _) = WriteBag();
        var bag = Path.GetDirectoryName(file)!;
        var metadataPath = Path.Combine(bag, "metadata.yaml");
        var yaml = File.ReadAllText(metadataPath).Replace("  relative_file_paths:\n    - bag_0.mcap\n", "  relative_file_paths:\n    - bag_0.mcap\n    - bag_1.mcap\n");
        File.WriteAllText(metadataPath, yaml);

        var e = Assert.Throws<BagReadException>(() => BagReader.Open(bag));
        Assert.Equal(BagErrorKind.MissingFile, e.Kind);
        Assert.Equal(Path.Combine(bag, "bag_1.mcap"), e.FilePath);
        Assert.Contains("relative_file_paths[1]", e.Error.Record);

        using var reader = BagReader.Open(bag, BagReadOptions.Tolerant);
        Assert.Equal(_written.Count, reader.ReadMessages().Count());
        Assert.Single(reader.Errors, x => x.Kind == BagErrorKind.MissingFile);
    }

    [Fact]
    public void StorageOpen_GarbageFiles_ThrowNotABagNamingTheFile()
    {
        var random = new Random(7);
        var garbage = new byte[50_000];
        random.NextBytes(garbage);
        var db3 = WriteCopy(garbage, "garbage.db3");
        var e1 = Assert.Throws<BagReadException>(() => BagStorage.Open(db3));
        Assert.Equal((BagErrorKind.NotABag, db3), (e1.Kind, e1.FilePath));
        Assert.Contains("SQLite", e1.Message);

        var sqliteHeaded = (byte[])garbage.Clone();
        "SQLite format 3\0"u8.CopyTo(sqliteHeaded);
        var fake = WriteCopy(sqliteHeaded, "fake.db3");
        var e2 = Assert.Throws<BagReadException>(() => SqliteStorageReader.Open(fake));
        Assert.Equal((BagErrorKind.NotABag, fake), (e2.Kind, e2.FilePath));

        var mcap = WriteCopy(garbage, "garbage.mcap");
        var e3 = Assert.Throws<BagReadException>(() => BagStorage.Open(mcap));
        Assert.Equal((BagErrorKind.NotABag, mcap, (long?)0), (e3.Kind, e3.FilePath, e3.Error.Offset));
        var e4 = Assert.Throws<BagReadException>(() => McapStorageReader.Open(mcap));
        Assert.Equal(BagErrorKind.NotABag, e4.Kind);
    }

    [Fact]
    public void SqliteOpen_OldSchemaWithoutDefinitions_ReadsTopicsAndMessages()
    {
        var path = _dir.Combine("old.db3");
        SqliteBagBuilder.Write(path, SampleBag.Topics, _written, oldSchema: true);
        using var reader = SqliteStorageReader.Open(path);
        Assert.Equal(0, reader.SchemaVersion);
        Assert.All(reader.Topics, t => Assert.Null(t.Definition));
        Assert.All(reader.Topics, t => Assert.Empty(t.OfferedQosProfiles));
        Assert.Equal(SampleBag.Expected(_written).Select(m => $"{m.Topic}|{m.LogTimeNs}|{Convert.ToHexString(m.Data)}"), ReadKeys(reader));
    }
}
