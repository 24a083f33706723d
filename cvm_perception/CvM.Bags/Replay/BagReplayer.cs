using System.Diagnostics;
using System.Threading.Channels;

namespace CvM.Bags.Replay;

/// <summary>
/// Replays a bag into bounded channels without DDS: one producer reads the bag in (log time, file, file order)
/// order and writes each message to the sink of its topic, waiting when a sink is full (nothing is dropped in
/// replay). Runs as fast as possible or at a multiple of the recorded rate; deterministic and cancellable.
/// </summary>
public static class BagReplayer
{
    /// <summary>Below this remaining wait the pacer spins instead of sleeping (timer resolution).</summary>
    private static readonly TimeSpan SpinThreshold = TimeSpan.FromMilliseconds(2);

    /// <summary>A bounded channel for replay: waits when full (never drops), single writer.</summary>
    public static Channel<ReplayMessage> CreateChannel(int capacity) =>
        Channel.CreateBounded<ReplayMessage>(new BoundedChannelOptions(capacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleWriter = true,
        });

    /// <summary>
    /// Replays <paramref name="bag"/> into <paramref name="sinks"/> (topic name to channel writer; several topics may
    /// share a writer). Messages of other topics are not read. Each <see cref="ReplayMessage"/> written is owned by
    /// its consumer. Cancelling stops the replay (<see cref="OperationCanceledException"/>).
    /// </summary>
    public static async Task<BagReplayResult> RunAsync(BagReader bag, IReadOnlyDictionary<string, ChannelWriter<ReplayMessage>> sinks,
        BagReplayOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= BagReplayOptions.AsFastAsPossible;
        if (double.IsNaN(options.Rate) || options.Rate < 0) throw new ArgumentOutOfRangeException(nameof(options), "rate must be 0 (as fast as possible) or positive");
        var topics = sinks.Keys.Where(t => options.Filter?.KeepsTopic(t) ?? true).ToHashSet(StringComparer.Ordinal);
        var filter = new BagReadFilter(topics, options.Filter?.StartTimeNs, options.Filter?.EndTimeNs);
        var counts = topics.ToDictionary(t => t, _ => 0L, StringComparer.Ordinal);
        var clock = Stopwatch.StartNew();
        long sequence = 0, first = 0, last = 0;
        try
        {
            foreach (var m in bag.ReadMessages(filter))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (sequence == 0) first = m.LogTimeNs;
                if (options.Rate > 0) await WaitUntilAsync(clock, (m.LogTimeNs - first) / options.Rate, cancellationToken).ConfigureAwait(false);
                var message = new ReplayMessage(m, sequence);
                try
                {
                    await sinks[m.Topic.Name].WriteAsync(message, cancellationToken).ConfigureAwait(false);
                }
                catch
                {
                    message.Dispose();
                    throw;
                }
                counts[m.Topic.Name]++;
                last = m.LogTimeNs;
                sequence++;
            }
        }
        catch (Exception e) when (options.CompleteWriters)
        {
            foreach (var w in sinks.Values.Distinct()) w.TryComplete(e);
            throw;
        }
        if (options.CompleteWriters)
            foreach (var w in sinks.Values.Distinct()) w.TryComplete();
        return new BagReplayResult(counts, sequence, first, last, clock.Elapsed);
    }

    private static async ValueTask WaitUntilAsync(Stopwatch clock, double targetNs, CancellationToken ct)
    {
        var target = TimeSpan.FromTicks((long)(targetNs / 100.0));
        while (true)
        {
            var remaining = target - clock.Elapsed;
            if (remaining <= TimeSpan.Zero) return;
            if (remaining > SpinThreshold) await Task.Delay(remaining - SpinThreshold, ct).ConfigureAwait(false);
            else Thread.SpinWait(64);
            ct.ThrowIfCancellationRequested();
        }
    }
}
