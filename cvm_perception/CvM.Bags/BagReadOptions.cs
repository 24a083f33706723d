namespace CvM.Bags;

/// <summary>Options fixed when a bag or storage file is opened.</summary>
/// <param name="ErrorMode">Stop at the first fault, or skip faulty parts and report them.</param>
/// <param name="VerifyCrc">Check chunk, summary and attachment CRCs where the file stores them.</param>
/// <param name="VerifyDataSectionCrc">
/// Also check the MCAP data-section CRC on open for indexed files (reads the whole data section once; a
/// linear scan checks it anyway).
/// </param>
public sealed record BagReadOptions(
    BagErrorMode ErrorMode = BagErrorMode.StopAtFirstError,
    bool VerifyCrc = true,
    bool VerifyDataSectionCrc = false)
{
    /// <summary>
    /// Default of <see cref="ReadAheadChunks"/>: three chunks ahead keep both cores of a small machine busy (on the 2-core
    /// VM a cold read of the 21 MB real bag took 37 ms with 3 against 40 ms with 2; README, issue 4).
    /// </summary>
    public const int DefaultReadAheadChunks = 3;

    /// <summary>Most chunks read ahead by <see cref="ReadAheadChunks"/> (bounds the memory held: each is one decompressed chunk).</summary>
    public const int MaxReadAheadChunks = 16;

    private readonly int _readAheadChunks = DefaultReadAheadChunks;

    /// <summary>
    /// MCAP chunks read, decompressed and CRC-checked on thread-pool workers ahead of the chunk being consumed
    /// (0 to <see cref="MaxReadAheadChunks"/>; default <see cref="DefaultReadAheadChunks"/>). 0 loads each chunk on
    /// the enumerating thread. Messages come in the same order either way; memory held is about
    /// (1 + this) decompressed chunks.
    /// </summary>
    public int ReadAheadChunks
    {
        get => _readAheadChunks;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, MaxReadAheadChunks);
            _readAheadChunks = value;
        }
    }

    /// <summary>Strict defaults: stop at the first fault, check CRCs.</summary>
    public static BagReadOptions Default { get; } = new();

    /// <summary>Tolerant reading: skip faulty parts and report them.</summary>
    public static BagReadOptions Tolerant { get; } = new(BagErrorMode.SkipAndReport);
}
