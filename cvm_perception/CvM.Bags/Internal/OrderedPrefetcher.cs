using System.Runtime.ExceptionServices;

namespace CvM.Bags.Internal;

/// <summary>
/// Loads a fixed sequence of items ahead of a consumer and hands the results out in sequence order (deterministic,
/// whatever order the workers finish in). At most <c>depth</c> items are loading or loaded-but-not-taken beyond the
/// one being taken, so memory stays bounded; with <c>depth</c> 0 every item is loaded on the caller's thread when
/// taken (no worker). Loads run on the thread pool and must not touch state the consumer mutates.
/// Ownership: a result handed out by <see cref="Take"/> belongs to the caller; results not taken (dispose or
/// cancellation mid-sequence) are passed to <c>release</c> here, after their loads finished. Not thread-safe: one consumer.
/// </summary>
/// <typeparam name="TResult">What a load produces (for example a decompressed chunk in a pooled buffer, or an error).</typeparam>
internal sealed class OrderedPrefetcher<TResult> : IDisposable
{
    private readonly IReadOnlyList<int> _items;
    private readonly Func<int, CancellationToken, TResult> _load;
    private readonly Action<TResult> _release;
    private readonly int _depth;
    private readonly CancellationTokenSource _stop;
    private readonly Queue<Task<TResult>> _inFlight = new();
    private int _next;
    private int _started;
    private bool _disposed;

    /// <param name="items">The items to load, in the order they are taken (for example chunk ordinals).</param>
    /// <param name="load">Loads one item; observes the token to skip work once the sequence is abandoned.</param>
    /// <param name="release">Frees a result that was loaded but never taken.</param>
    /// <param name="depth">Items loaded ahead of the one being taken (0: load on the caller's thread).</param>
    /// <param name="cancellationToken">Stops the workers; <see cref="Take"/> then throws <see cref="OperationCanceledException"/>.</param>
    public OrderedPrefetcher(IReadOnlyList<int> items, Func<int, CancellationToken, TResult> load, Action<TResult> release, int depth,
        CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(depth);
        _items = items;
        _load = load;
        _release = release;
        _depth = depth;
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
    }

    /// <summary>Items not yet taken.</summary>
    public int Remaining => _items.Count - _next;

    /// <summary>
    /// The result of the next item in sequence (the caller owns it). Starts loads up to the read-ahead depth first,
    /// then waits for this item. Rethrows what a load threw; throws <see cref="OperationCanceledException"/> once cancelled.
    /// </summary>
    public TResult Take()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_next >= _items.Count) throw new InvalidOperationException("no items left to take");
        _stop.Token.ThrowIfCancellationRequested();
        if (_depth == 0)
            return _load(_items[_next++], _stop.Token);
        // Keep the item being taken plus up to _depth items after it in flight.
        while (_started < _items.Count && _started <= _next + _depth)
        {
            var item = _items[_started++];
            var token = _stop.Token;
            _inFlight.Enqueue(Task.Run(() => _load(item, token), CancellationToken.None));
        }
        var task = _inFlight.Dequeue();
        _next++;
        try
        {
            task.Wait(CancellationToken.None);
        }
        catch (AggregateException e) when (e.InnerExceptions.Count == 1)
        {
            ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }
        if (_stop.IsCancellationRequested)
        {
            // Cancelled while this load ran: free what it made rather than hand out a possibly partial result.
            _release(task.Result);
            _stop.Token.ThrowIfCancellationRequested();
        }
        return task.Result;
    }

    /// <summary>Stops the workers, waits for the loads still running and releases every result not taken.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _stop.Cancel();
        while (_inFlight.TryDequeue(out var task))
        {
            try
            {
                task.Wait(CancellationToken.None);
            }
            catch (AggregateException)
            {
                continue; // the load failed: nothing was handed out, nothing to release
            }
            _release(task.Result);
        }
        _stop.Dispose();
    }
}
