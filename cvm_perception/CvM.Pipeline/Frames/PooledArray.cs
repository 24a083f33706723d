using System.Buffers;

namespace CvM.Pipeline.Frames;

/// <summary>
/// A lease of <see cref="Length"/> elements of an array rented from the pipeline's own pool (<see cref="Pool"/>: a
/// lock-protected, thread-agnostic <see cref="ArrayPool{T}.Create(int, int)"/> pool, because frames are rented on a
/// transport thread and returned on a stage thread, which the per-thread caches of the shared pool serve badly).
/// Ownership: the holder of the lease owns it and must call <see cref="Dispose"/> exactly once (copies of this
/// struct share the array: dispose only one); spans taken from it are invalid afterwards. A default lease is empty.
/// </summary>
public readonly struct PooledArray<T> : IDisposable, IEquatable<PooledArray<T>>
{
    private readonly T[]? _array;

    /// <summary>The pool leases come from: arrays up to 64 Mi elements, 32 per size class.</summary>
    public static ArrayPool<T> Pool { get; } = ArrayPool<T>.Create(1 << 26, 32);

    private PooledArray(T[] array, int length)
    {
        _array = array;
        Length = length;
    }

    /// <summary>Valid elements.</summary>
    public int Length { get; }

    /// <summary>The valid elements.</summary>
    public Span<T> Span => _array is null ? Span<T>.Empty : _array.AsSpan(0, Length);

    /// <summary>The rented array (may be longer than <see cref="Length"/>), or null for a default lease.</summary>
    public T[]? Array => _array;

    /// <summary>Rents at least <paramref name="length"/> elements (contents unspecified).</summary>
    public static PooledArray<T> Rent(int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        return new PooledArray<T>(Pool.Rent(Math.Max(length, 1)), length);
    }

    /// <summary>Rents <paramref name="source"/>.Length elements holding a copy of <paramref name="source"/>.</summary>
    public static PooledArray<T> CopyOf(ReadOnlySpan<T> source)
    {
        var lease = Rent(source.Length);
        source.CopyTo(lease.Span);
        return lease;
    }

    /// <summary>Returns the array to the pool (no-op for a default lease).</summary>
    public void Dispose()
    {
        if (_array is not null) Pool.Return(_array);
    }

    /// <inheritdoc />
    public bool Equals(PooledArray<T> other) => ReferenceEquals(_array, other._array) && Length == other.Length;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is PooledArray<T> other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(_array, Length);

    /// <summary>Same array and length.</summary>
    public static bool operator ==(PooledArray<T> left, PooledArray<T> right) => left.Equals(right);

    /// <summary>Different array or length.</summary>
    public static bool operator !=(PooledArray<T> left, PooledArray<T> right) => !left.Equals(right);
}
