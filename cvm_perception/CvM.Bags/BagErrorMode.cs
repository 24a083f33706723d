namespace CvM.Bags;

/// <summary>How a reader reacts to a fault in a bag.</summary>
public enum BagErrorMode
{
    /// <summary>Throw <see cref="BagReadException"/> at the first fault (default).</summary>
    StopAtFirstError,
    /// <summary>Record the fault in the reader's error list, skip the faulty part and yield every valid message.</summary>
    SkipAndReport,
}
