using System.Buffers;

namespace CvM.Bags.Internal;

/// <summary>
/// A growable list over an array rented from <see cref="ArrayPool{T}.Shared"/>, so a read that reuses it allocates
/// nothing per item. Owns the rented array until <see cref="Dispose"/>; <see cref="AsSpan"/> is valid until the next
/// <see cref="Add"/> or <see cref="Dispose"/>. Not thread-safe.
/// </summary>
internal sealed class PooledList<T>(int initialCapacity = 256) : IDisposable
{
    private T[] _items = ArrayPool<T>.Shared.Rent(initialCapacity);

    public int Count { get; private set; }

    public void Add(T item)
    {
        if (Count == _items.Length)
        {
            var larger = ArrayPool<T>.Shared.Rent(_items.Length * 2);
            _items.AsSpan(0, Count).CopyTo(larger);
            ArrayPool<T>.Shared.Return(_items);
            _items = larger;
        }
        _items[Count++] = item;
    }

    public void Clear() => Count = 0;

    /// <summary>Drops the first <paramref name="count"/> items, moving the rest to the front.</summary>
    public void RemovePrefix(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, Count);
        if (count == 0) return;
        _items.AsSpan(count, Count - count).CopyTo(_items);
        Count -= count;
    }

    public Span<T> AsSpan() => _items.AsSpan(0, Count);

    public void Dispose()
    {
        if (_items.Length == 0) return;
        ArrayPool<T>.Shared.Return(_items);
        _items = [];
        Count = 0;
    }
}
