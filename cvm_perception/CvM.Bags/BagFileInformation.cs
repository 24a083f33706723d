namespace CvM.Bags;

/// <summary>One entry of <c>files</c> in <c>metadata.yaml</c> (version 5 and later).</summary>
public sealed record BagFileInformation(string Path, long StartingTimeNs, long DurationNs, long MessageCount);
