using System.Collections.Concurrent;
using CvM.Bags.Internal;

namespace CvM.Bags.Tests;

/// <summary>The bounded in-order read-ahead under the MCAP reader: order, bound, overlap, release on dispose, errors.</summary>
public sealed class OrderedPrefetcherTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    public void Take_LoadsFinishingOutOfOrder_ResultsInSequenceOrder(int depth)
    {
        var items = Enumerable.Range(0, 40).Select(i => (i * 7) % 40).ToList();
        using var p = new OrderedPrefetcher<int>(items, (item, _) =>
        {
            Thread.Sleep((item * 13) % 5); // later items often finish first
            return item * 10;
        }, _ => Assert.Fail("nothing may be released when every item is taken"), depth, CancellationToken.None);
        var got = new List<int>();
        while (p.Remaining > 0) got.Add(p.Take());
        Assert.Equal(items.Select(i => i * 10), got);
        Assert.Throws<InvalidOperationException>(() => p.Take());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public void Take_SlowConsumer_NeverMoreThanDepthItemsAheadOfTheOneTaken(int depth)
    {
        var started = new ConcurrentBag<int>();
        var items = Enumerable.Range(0, 20).ToList();
        using var p = new OrderedPrefetcher<int>(items, (item, _) =>
        {
            started.Add(item);
            return item;
        }, _ => { }, depth, CancellationToken.None);
        for (var taken = 0; taken < items.Count; taken++)
        {
            Assert.Equal(taken, p.Take());
            Thread.Sleep(2); // give workers time to run ahead as far as they may
            Assert.True(started.Max() <= taken + depth, $"item {started.Max()} started while {taken} is consumed (depth {depth})");
        }
    }

    [Fact]
    public void Take_DepthOne_NextLoadRunsWhileCurrentOneDoes()
    {
        // Item 0's load waits for item 1's load to start: it completes only if loads overlap.
        using var secondStarted = new ManualResetEventSlim();
        var overlapped = false;
        using var p = new OrderedPrefetcher<int>([0, 1], (item, _) =>
        {
            if (item == 1) secondStarted.Set();
            else overlapped = secondStarted.Wait(Patience, CancellationToken.None);
            return item;
        }, _ => { }, 1, CancellationToken.None);
        Assert.Equal(0, p.Take());
        Assert.True(overlapped);
        Assert.Equal(1, p.Take());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    [InlineData(8)]
    public void Dispose_MidSequence_ReleasesEveryLoadedResultNotTakenExactlyOnce(int depth)
    {
        var loaded = new ConcurrentBag<int>();
        var released = new ConcurrentBag<int>();
        var taken = new List<int>();
        var p = new OrderedPrefetcher<int>(Enumerable.Range(0, 30).ToList(), (item, token) =>
        {
            token.ThrowIfCancellationRequested();
            Thread.Sleep(1);
            loaded.Add(item);
            return item;
        }, released.Add, depth, CancellationToken.None);
        for (var i = 0; i < 5; i++) taken.Add(p.Take());
        // Items 5..4+depth are in flight: let them finish, so Dispose has loaded results to release.
        Assert.True(SpinWait.SpinUntil(() => loaded.Count == 5 + depth, Patience));
        p.Dispose();
        p.Dispose();
        Assert.Equal(loaded.Order(), taken.Concat(released).Order());
        Assert.Empty(taken.Intersect(released));
        Assert.Equal(5 + depth, loaded.Count);
        Assert.Throws<ObjectDisposedException>(() => p.Take());
    }

    [Fact]
    public void Take_CancelledToken_ThrowsAndDisposeReleasesLoadsInFlight()
    {
        using var cts = new CancellationTokenSource();
        var released = new ConcurrentBag<int>();
        var p = new OrderedPrefetcher<int>(Enumerable.Range(0, 10).ToList(), (item, _) => item, released.Add, 3, cts.Token);
        Assert.Equal(0, p.Take());
        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => p.Take());
        p.Dispose();
        // Items 1..3 were started with item 0 (depth 3); the cancelled Take started nothing more, Dispose released them.
        Assert.Equal([1, 2, 3], released.Order());
    }

    [Fact]
    public void Take_LoadThrows_RethrowsOriginalExceptionAtThatItem()
    {
        using var p = new OrderedPrefetcher<int>([0, 1, 2, 3], (item, _) =>
            item == 2 ? throw new InvalidDataException("item 2 is bad") : item, _ => { }, 2, CancellationToken.None);
        Assert.Equal(0, p.Take());
        Assert.Equal(1, p.Take());
        var e = Assert.Throws<InvalidDataException>(() => p.Take());
        Assert.Equal("item 2 is bad", e.Message);
        Assert.Equal(3, p.Take());
    }
}
