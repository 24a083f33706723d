using CvM.Bags.Mcap;
using CvM.Bags.Replay;
using CvM.TestSupport;

namespace CvM.Bags.Tests;

/// <summary>
/// Chunks decompressed ahead on workers: the same messages in the same order as the sequential reader (depth 0),
/// faults reported in sequence with file and offset, pooled buffers all returned on dispose mid-read.
/// </summary>
public sealed class McapReadAheadTests : IDisposable
{
    private readonly TestDirectory _dir = new();
    private readonly List<TestMessage> _written = SampleBag.Messages(400);

    public void Dispose() => _dir.Dispose();

    private static BagReadOptions Options(int depth, BagErrorMode mode = BagErrorMode.StopAtFirstError) =>
        new(mode) { ReadAheadChunks = depth };

    private (string File, byte[] Bytes) WriteBag(int zstdLevel = 1)
    {
        var bag = SampleBag.WriteMcap(_dir.Combine("bag" + Guid.NewGuid().ToString("N")[..6]), _written, chunkSize: 24 * 1024, zstdLevel: zstdLevel);
        var file = Directory.GetFiles(bag, "*.mcap").Single();
        return (file, File.ReadAllBytes(file));
    }

    private string WriteCopy(byte[] bytes, string name)
    {
        var path = _dir.Combine(name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>Everything a reader hands out, copied while the data is valid: topic, times, file order, payload.</summary>
    private static List<string> ReadAll(McapStorageReader reader, BagReadFilter? filter = null) =>
        reader.ReadMessages(filter).Select(m => $"{m.Topic.Name}|{m.LogTimeNs}|{m.PublishTimeNs}|{m.FileOrder}|{Convert.ToHexString(m.Data.Span)}").ToList();

    private static string Key(TestMessage m) => $"{m.Topic}|{m.LogTimeNs}|{Convert.ToHexString(m.Data)}";

    private static string WithoutOrder(string key)
    {
        var parts = key.Split('|');
        return $"{parts[0]}|{parts[1]}|{parts[4]}";
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    [InlineData(BagReadOptions.MaxReadAheadChunks)]
    public void ReadMessages_ReadAhead_SameMessagesAndOrderAsSequentialAndGroundTruth(int depth)
    {
        var (file, bytes) = WriteBag();
        Assert.True(McapLayout.Chunks(bytes).Count >= 10);
        var filters = new BagReadFilter?[]
        {
            null,
            BagReadFilter.ForTopics(SampleBag.Image.Name, SampleBag.Tf.Name),
            new(null, SampleBag.T0 + 500_000_000L, SampleBag.T0 + 1_200_000_000L),
        };
        foreach (var filter in filters)
        {
            using var sequential = McapStorageReader.Open(file, Options(0));
            using var ahead = McapStorageReader.Open(file, Options(depth));
            Assert.True(ahead.IsIndexed);
            var expected = ReadAll(sequential, filter);
            var got = ReadAll(ahead, filter);
            Assert.Equal(expected, got);
            Assert.Equal(SampleBag.Expected(_written, filter).Select(Key), got.Select(WithoutOrder));
            Assert.Equal(0, ahead.RentedChunkBuffers);
            Assert.Equal(0, sequential.RentedChunkBuffers);
        }
    }

    [SkippableFact]
    public void ReadMessages_RealBagWithReadAhead_SameMessagesAndOrderAsSequential()
    {
        var bag = Path.Combine(RepoPaths.RequireSharedData(), "rosbags", "redkitchen_seq50_stride2");
        static List<(string, long, long, ulong)> Read(string bag, int depth)
        {
            using var reader = BagReader.Open(bag, Options(depth));
            return reader.ReadMessages().Select(m => (m.Topic.Name, m.LogTimeNs, m.FileOrder, System.IO.Hashing.XxHash64.HashToUInt64(m.Data.Span))).ToList();
        }
        var sequential = Read(bag, 0);
        Assert.Equal(151, sequential.Count);
        Assert.Equal(sequential, Read(bag, 2));
        Assert.Equal(sequential, Read(bag, 8));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void ReadMessages_ChunksOverlappingInTime_StreamInOrderHoldingFewChunkBuffers(int depth)
    {
        // The sample's images are logged 3 ms before the odometry written with them, so neighbouring chunks overlap
        // in time: the merge must keep log-time order while holding only the chunks it still needs.
        var (file, bytes) = WriteBag();
        var chunks = McapLayout.Chunks(bytes).Count;
        using var reader = McapStorageReader.Open(file, Options(depth));
        var got = new List<string>();
        var maxRented = 0;
        foreach (var m in reader.ReadMessages())
        {
            got.Add($"{m.Topic.Name}|{m.LogTimeNs}|{Convert.ToHexString(m.Data.Span)}");
            maxRented = Math.Max(maxRented, reader.RentedChunkBuffers);
        }
        Assert.Equal(SampleBag.Expected(_written).Select(Key), got);
        // Loads in flight (a compressed and a decompressed buffer each) plus the chunks whose messages wait for the next.
        Assert.InRange(maxRented, 1, 2 * (depth + 1) + 2);
        Assert.True(chunks > 2 * (depth + 1) + 2, $"{chunks} chunks");
        Assert.Equal(0, reader.RentedChunkBuffers);
    }

    [SkippableFact]
    public void ReadMessages_RealBagWithTouchingChunks_FirstMessageBeforeTheLastChunkIsLoaded()
    {
        // Its chunks touch (each ends at the next one's first log time), which used to make the reader load all nine
        // before the first message.
        var bag = Path.Combine(RepoPaths.RequireSharedData(), "rosbags", "redkitchen_seq50_stride2");
        var file = Directory.GetFiles(bag, "*.mcap").Single();
        using var reader = McapStorageReader.Open(file, Options(1));
        using var e = reader.ReadMessages().GetEnumerator();
        Assert.True(e.MoveNext());
        Assert.InRange(reader.RentedChunkBuffers, 1, 4);
        var count = 1;
        while (e.MoveNext()) count++;
        Assert.Equal(151, count);
    }

    [SkippableTheory]
    [InlineData(0)]
    [InlineData(3)]
    public void ReadMessages_PageCacheHints_RunAheadOfTheLoadsWithinTheWindowAndCoverEveryChunk(int depth)
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "posix_fadvise hints are Linux only");
        var (file, bytes) = WriteBag();
        var chunks = McapLayout.Chunks(bytes).Count;
        using var reader = McapStorageReader.Open(file, Options(depth));
        using (var e = reader.ReadMessages().GetEnumerator())
        {
            Assert.True(e.MoveNext());
            // After the first chunk is taken: the loads in flight plus HintedChunksAhead more, never the whole file.
            Assert.Equal(1 + depth + 1 + McapStorageReader.HintedChunksAhead, reader.PageCacheHints);
            Assert.True(reader.PageCacheHints < chunks);
            while (e.MoveNext()) { }
        }
        Assert.Equal(chunks, reader.PageCacheHints);
        Assert.Equal(0, reader.RentedChunkBuffers);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    public void ReadMessages_BadCrcChunkWithReadAhead_StrictThrowsAtSameMessageNamingFileAndOffset(int depth)
    {
        var (_, bytes) = WriteBag(zstdLevel: 0);
        var chunk = McapLayout.Chunks(bytes)[3];
        bytes[chunk.RecordsOffset + chunk.RecordsLength - 3] ^= 0x5A;
        var path = WriteCopy(bytes, $"badcrc{depth}.mcap");

        // Count what the sequential reader yields before it throws; read-ahead must yield exactly as much.
        int before;
        using (var sequential = McapStorageReader.Open(path, Options(0)))
        {
            before = 0;
            Assert.Throws<BagReadException>(() => { foreach (var _ in sequential.ReadMessages()) before++; });
        }
        using var reader = McapStorageReader.Open(path, Options(depth));
        var yielded = 0;
        var e = Assert.Throws<BagReadException>(() => { foreach (var _ in reader.ReadMessages()) yielded++; });
        Assert.Equal((BagErrorKind.CrcMismatch, path, (long?)chunk.Offset, "Chunk #3"), (e.Kind, e.FilePath, e.Error.Offset, e.Error.Record));
        Assert.Contains(path, e.Message);
        Assert.Equal(before, yielded);
        Assert.True(yielded > 0);
        Assert.Equal(0, reader.RentedChunkBuffers);
    }

    [Fact]
    public void ReadMessages_CorruptZstdChunkTolerantWithReadAhead_YieldsSameValidMessagesAndErrorsAsSequential()
    {
        var (_, bytes) = WriteBag();
        var chunks = McapLayout.Chunks(bytes);
        foreach (var c in new[] { chunks[1], chunks[6] })
            for (var i = 0; i < 8; i++) bytes[c.RecordsOffset + i] = 0xEE;
        var path = WriteCopy(bytes, "corrupt.mcap");

        using var sequential = McapStorageReader.Open(path, Options(0, BagErrorMode.SkipAndReport));
        using var ahead = McapStorageReader.Open(path, Options(3, BagErrorMode.SkipAndReport));
        var expected = ReadAll(sequential);
        var got = ReadAll(ahead);
        Assert.Equal(expected, got);
        var valid = _written.Select(Key).ToHashSet();
        Assert.All(got, k => Assert.Contains(WithoutOrder(k), valid));
        Assert.True(got.Count < _written.Count && got.Count > _written.Count / 2);
        Assert.Equal(sequential.Errors, ahead.Errors);
        Assert.Equal([chunks[1].Offset, chunks[6].Offset], ahead.Errors.Select(x => x.Offset ?? -1));
        Assert.All(ahead.Errors, x => Assert.Equal((BagErrorKind.DecompressionFailed, path), (x.Kind, x.FilePath)));
        Assert.Equal(0, ahead.RentedChunkBuffers);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(BagReadOptions.MaxReadAheadChunks)]
    public void ReadMessages_EnumeratorDisposedMidRead_AllChunkBuffersReturned(int depth)
    {
        var (file, _) = WriteBag();
        using var reader = McapStorageReader.Open(file, Options(depth));
        var expected = ReadAll(reader).Take(25).ToList();
        var got = new List<string>();
        using (var e = reader.ReadMessages().GetEnumerator())
        {
            while (got.Count < 25 && e.MoveNext())
                got.Add($"{e.Current.Topic.Name}|{e.Current.LogTimeNs}|{e.Current.PublishTimeNs}|{e.Current.FileOrder}|{Convert.ToHexString(e.Current.Data.Span)}");
            // Let the workers load ahead (the current chunk plus up to `depth` more are held) before abandoning the read.
            var held = 1 + Math.Min(depth, 3);
            Assert.True(SpinWait.SpinUntil(() => reader.RentedChunkBuffers >= held, TimeSpan.FromSeconds(20)));
        }
        Assert.Equal(expected, got);
        Assert.Equal(0, reader.RentedChunkBuffers);
        // The reader stays usable: a fresh enumeration yields everything.
        Assert.Equal(_written.Count, reader.ReadMessages().Count());
        Assert.Equal(0, reader.RentedChunkBuffers);
    }

    [Fact]
    public void Dispose_ReaderDisposedMidRead_WorkersStopEnumeratorFailsTypedBuffersReturned()
    {
        var (file, _) = WriteBag();
        var reader = McapStorageReader.Open(file, Options(4));
        var e = reader.ReadMessages().GetEnumerator();
        Assert.True(e.MoveNext());
        reader.Dispose();
        // Chunks already handed to the enumerator stay readable until it advances past them; then it fails typed.
        Assert.Throws<ObjectDisposedException>(() => { while (e.MoveNext()) _ = e.Current.Data.Length; });
        e.Dispose();
        Assert.Equal(0, reader.RentedChunkBuffers);
        Assert.Throws<ObjectDisposedException>(() => reader.ReadMessages().Count());
    }

    [Fact]
    public async Task BagReplayer_CancelledMidReplayWithReadAhead_ChunkBuffersReturned()
    {
        var (file, _) = WriteBag();
        using var bag = BagReader.Open(Path.GetDirectoryName(file)!, Options(3));
        var channel = BagReplayer.CreateChannel(4);
        var sinks = SampleBag.Topics.ToDictionary(t => t.Name, _ => channel.Writer);
        using var cts = new CancellationTokenSource();
        var replay = BagReplayer.RunAsync(bag, sinks, cancellationToken: cts.Token);
        var received = 0;
        while (received < 30 && await channel.Reader.WaitToReadAsync())
        {
            while (received < 30 && channel.Reader.TryRead(out var m))
            {
                m.Dispose();
                received++;
            }
        }
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => replay);
        var mcap = Assert.IsType<McapStorageReader>(Assert.Single(bag.Files));
        Assert.Equal(0, mcap.RentedChunkBuffers);
    }

    [Fact]
    public void ReadAheadChunks_OutOfRange_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new BagReadOptions { ReadAheadChunks = -1 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new BagReadOptions { ReadAheadChunks = BagReadOptions.MaxReadAheadChunks + 1 });
        Assert.Equal(BagReadOptions.DefaultReadAheadChunks, BagReadOptions.Default.ReadAheadChunks);
        Assert.Equal(BagReadOptions.DefaultReadAheadChunks, BagReadOptions.Tolerant.ReadAheadChunks);
    }
}
