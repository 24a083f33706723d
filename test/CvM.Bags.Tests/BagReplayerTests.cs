using System.Diagnostics;
using System.Threading.Channels;
using CvM.Bags.Replay;

namespace CvM.Bags.Tests;

/// <summary>Replay into bounded channels: complete, ordered, deterministic, paced and cancellable.</summary>
public sealed class BagReplayerTests : IDisposable
{
    private readonly TestDirectory _dir = new();
    private readonly List<TestMessage> _written = SampleBag.Messages(200);

    public void Dispose() => _dir.Dispose();

    private BagReader OpenBag() => BagReader.Open(SampleBag.WriteMcap(_dir.Combine("bag" + Guid.NewGuid().ToString("N")[..6]), _written));

    private static async Task<List<(long Seq, string Topic, long Time, string Hex)>> Drain(ChannelReader<ReplayMessage> reader, int delayEvery = 0)
    {
        var got = new List<(long, string, long, string)>();
        await foreach (var m in reader.ReadAllAsync())
        {
            using (m) got.Add((m.Sequence, m.Topic.Name, m.LogTimeNs, Convert.ToHexString(m.Data.Span)));
            if (delayEvery > 0 && got.Count % delayEvery == 0) await Task.Delay(1);
        }
        return got;
    }

    [Fact]
    public async Task RunAsync_SlowConsumersOnCapacityTwoChannels_DeliverEveryMessageInOrderWithoutDrops()
    {
        using var bag = OpenBag();
        var odom = BagReplayer.CreateChannel(2);
        var rest = BagReplayer.CreateChannel(2);
        var sinks = new Dictionary<string, ChannelWriter<ReplayMessage>>
        {
            [SampleBag.Odom.Name] = odom.Writer,
            [SampleBag.Image.Name] = rest.Writer,
            [SampleBag.Tf.Name] = rest.Writer,
        };
        var odomTask = Drain(odom.Reader, delayEvery: 5);
        var restTask = Drain(rest.Reader, delayEvery: 7);
        var result = await BagReplayer.RunAsync(bag, sinks);
        var odomGot = await odomTask;
        var restGot = await restTask;

        Assert.Equal(_written.Count, result.MessageCount);
        Assert.Equal(_written.Count(m => m.Topic == SampleBag.Odom.Name), result.MessagesByTopic[SampleBag.Odom.Name]);
        var expected = SampleBag.Expected(_written);
        var merged = odomGot.Concat(restGot).OrderBy(x => x.Seq).ToList();
        Assert.Equal(Enumerable.Range(0, expected.Count).Select(i => (long)i), merged.Select(x => x.Seq));
        Assert.Equal(expected.Select(m => (m.Topic, m.LogTimeNs, Convert.ToHexString(m.Data))), merged.Select(x => (x.Topic, x.Time, x.Hex)));
        Assert.Equal(odomGot.OrderBy(x => x.Seq), odomGot);
    }

    [Fact]
    public async Task RunAsync_TwoRuns_GiveIdenticalSequences()
    {
        async Task<List<(long, string, long, string)>> Once()
        {
            using var bag = OpenBag();
            var ch = BagReplayer.CreateChannel(8);
            var sinks = SampleBag.Topics.ToDictionary(t => t.Name, _ => ch.Writer);
            var drain = Drain(ch.Reader);
            await BagReplayer.RunAsync(bag, sinks);
            return await drain;
        }
        Assert.Equal(await Once(), await Once());
    }

    [Fact]
    public async Task RunAsync_RecordedRateTimesFour_TakesTheRecordedSpanOverFour()
    {
        using var bag = OpenBag();
        var ch = BagReplayer.CreateChannel(16);
        var drain = Drain(ch.Reader);
        var filter = new BagReadFilter(null, SampleBag.T0, SampleBag.T0 + 800_000_000);
        var clock = Stopwatch.StartNew();
        var result = await BagReplayer.RunAsync(bag, new Dictionary<string, ChannelWriter<ReplayMessage>> { [SampleBag.Odom.Name] = ch.Writer },
            new BagReplayOptions(Rate: 4, Filter: filter));
        var elapsed = clock.Elapsed;
        var got = await drain;
        // 81 odom messages over 0.8 s of log time at 4x: 0.2 s.
        Assert.Equal(81, got.Count);
        Assert.Equal(800_000_000, result.LastLogTimeNs - result.FirstLogTimeNs);
        Assert.InRange(elapsed.TotalSeconds, 0.195, 1.5);
    }

    [Fact]
    public async Task RunAsync_CancelledWhileConsumerStalls_ThrowsAndCompletesWriters()
    {
        using var bag = OpenBag();
        var ch = BagReplayer.CreateChannel(1);
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var run = BagReplayer.RunAsync(bag, new Dictionary<string, ChannelWriter<ReplayMessage>> { [SampleBag.Odom.Name] = ch.Writer }, null, cts.Token);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        Assert.True(ch.Reader.TryRead(out var first));
        using (first) Assert.Equal(0, first.Sequence);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ch.Reader.Completion);
    }
}
