namespace CvM.Bags;

/// <summary>
/// One serialized message read from a bag.
/// Ownership: <see cref="Data"/> points into a buffer owned by the reader (pooled) and stays valid only until
/// the enumerator that produced it advances or is disposed; copy it (<c>Data.ToArray()</c> or into your own
/// buffer) to keep it longer.
/// </summary>
/// <param name="Topic">The message's topic.</param>
/// <param name="LogTimeNs">Time the recorder received it (rosbag2 <c>timestamp</c>, MCAP <c>log_time</c>), ns since epoch.</param>
/// <param name="PublishTimeNs">Publish time when the storage has one (MCAP <c>publish_time</c>), else null.</param>
/// <param name="Data">Raw CDR bytes including the 4-byte encapsulation header; see ownership above.</param>
/// <param name="FileIndex">Index of the storage file in the bag (0 for a single file).</param>
/// <param name="FileOrder">Position of the message in its file (record offset or row id): the tie-break after log time.</param>
public readonly record struct BagMessage(
    BagTopic Topic,
    long LogTimeNs,
    long? PublishTimeNs,
    ReadOnlyMemory<byte> Data,
    int FileIndex,
    long FileOrder);
