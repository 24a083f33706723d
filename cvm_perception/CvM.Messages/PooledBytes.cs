using System.Buffers;

namespace CvM.Messages;

/// <summary>
/// A lease of <see cref="Length"/> bytes in an array rented from <see cref="ArrayPool{T}.Shared"/>.
/// Ownership: the receiver of the lease owns it and must call <see cref="Dispose"/> exactly once (copies of
/// this struct share the same array: dispose only one of them); spans taken from it are invalid afterwards.
/// </summary>
public readonly struct PooledBytes : IDisposable, IEquatable<PooledBytes>
{
    private readonly byte[]? _array;

    private PooledBytes(byte[] array, int length)
    {
        _array = array;
        Length = length;
    }

    /// <summary>Number of valid bytes.</summary>
    public int Length { get; }

    /// <summary>The valid bytes (empty for a default lease).</summary>
    public Span<byte> Span => _array is null ? Span<byte>.Empty : _array.AsSpan(0, Length);

    /// <summary>The valid bytes as memory (empty for a default lease).</summary>
    public Memory<byte> Memory => _array is null ? Memory<byte>.Empty : _array.AsMemory(0, Length);

    /// <summary>The rented array itself (may be longer than <see cref="Length"/>), or null for a default lease.</summary>
    public byte[]? Array => _array;

    /// <summary>Rents at least <paramref name="length"/> bytes.</summary>
    public static PooledBytes Rent(int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        return new PooledBytes(ArrayPool<byte>.Shared.Rent(Math.Max(length, 1)), length);
    }

    /// <summary>Returns the array to the pool.</summary>
    public void Dispose()
    {
        if (_array is not null) ArrayPool<byte>.Shared.Return(_array);
    }

    /// <inheritdoc />
    public bool Equals(PooledBytes other) => ReferenceEquals(_array, other._array) && Length == other.Length;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is PooledBytes other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(_array, Length);

    /// <summary>Same array and length.</summary>
    public static bool operator ==(PooledBytes left, PooledBytes right) => left.Equals(right);

    /// <summary>Different array or length.</summary>
    public static bool operator !=(PooledBytes left, PooledBytes right) => !left.Equals(right);
}
