namespace CvM.Pipeline.Frames;

/// <summary>
/// The ROS header of an input image as plain fields (the pipeline never sees message types): outputs are
/// stamped with exactly these values. A value; the frame id string is immutable.
/// </summary>
/// <param name="Sec">builtin_interfaces/Time sec.</param>
/// <param name="Nanosec">builtin_interfaces/Time nanosec.</param>
/// <param name="FrameId">the optical frame of the camera.</param>
public readonly record struct FrameHeader(int Sec, uint Nanosec, string FrameId)
{
    /// <summary>The stamp in nanoseconds.</summary>
    public long StampNs => Sec * 1_000_000_000L + Nanosec;

    /// <summary>A header for a stamp in nanoseconds (non-negative).</summary>
    public static FrameHeader FromNs(long stampNs, string frameId) =>
        new((int)(stampNs / 1_000_000_000L), (uint)(stampNs % 1_000_000_000L), frameId);
}
