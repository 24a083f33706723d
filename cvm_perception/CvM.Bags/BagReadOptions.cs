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
    /// <summary>Strict defaults: stop at the first fault, check CRCs.</summary>
    public static BagReadOptions Default { get; } = new();

    /// <summary>Tolerant reading: skip faulty parts and report them.</summary>
    public static BagReadOptions Tolerant { get; } = new(BagErrorMode.SkipAndReport);
}
