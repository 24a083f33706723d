using CvM.Bags.Mcap;

namespace CvM.Bags.Tests;

/// <summary>Runs alone: it counts the bytes every thread of the process allocates.</summary>
[CollectionDefinition(nameof(AllocationCollection), DisableParallelization = true)]
public sealed class AllocationCollection;

/// <summary>Steady-state reads allocate nothing per message: messages are slices of pooled chunk buffers.</summary>
[Collection(nameof(AllocationCollection))]
public sealed class McapReadAllocationTests : IDisposable
{
    private readonly TestDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private string WriteBag(int count)
    {
        var bag = _dir.Combine($"odom{count}");
        using (var w = McapBagWriter.Create(bag, new McapBagWriterOptions(ChunkSize: 1 << 20, ZstdLevel: 1)))
        {
            w.AddTopic(SampleBag.Odom);
            for (var i = 0; i < count; i++) w.Write(SampleBag.Odom.Name, SampleBag.T0 + i * 1000L, SampleBag.Payload(i, 96), SampleBag.T0);
        }
        return Directory.GetFiles(bag, "*.mcap").Single();
    }

    /// <summary>Fewest bytes (all threads) allocated by one whole enumeration, over a few tries (the runtime's own background work adds noise).</summary>
    private static long EnumerationBytes(McapStorageReader reader, int expected)
    {
        var best = long.MaxValue;
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var before = GC.GetTotalAllocatedBytes(precise: true);
            long n = 0, sum = 0;
            foreach (var m in reader.ReadMessages())
            {
                n++;
                sum += m.Data.Span[^1];
            }
            var after = GC.GetTotalAllocatedBytes(precise: true);
            Assert.Equal(expected, n);
            Assert.True(sum >= 0);
            best = Math.Min(best, after - before);
        }
        return best;
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    public void ReadMessages_TenTimesMoreMessages_AllocationDoesNotGrowPerMessage(int readAhead)
    {
        var options = new BagReadOptions { ReadAheadChunks = readAhead };
        using var small = McapStorageReader.Open(WriteBag(2_000), options);
        using var large = McapStorageReader.Open(WriteBag(20_000), options);
        EnumerationBytes(small, 2_000); // warm up pools and JIT
        var smallBytes = EnumerationBytes(small, 2_000);
        var largeBytes = EnumerationBytes(large, 20_000);
        // 18,000 more messages (in a few more chunks) may cost a few bytes per extra chunk, not per message.
        Assert.True(largeBytes - smallBytes < 4_096, $"2,000 messages: {smallBytes} B, 20,000 messages: {largeBytes} B");
        Assert.True(largeBytes < 32 * 1024, $"one enumeration allocated {largeBytes} B");
    }
}
