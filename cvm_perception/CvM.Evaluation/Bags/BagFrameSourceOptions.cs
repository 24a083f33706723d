namespace CvM.Evaluation.Bags;

/// <summary>Topics and pairing tolerances of a <see cref="BagFrameSource"/> (validated by <see cref="Validate"/>).</summary>
/// <param name="RgbTopic">colour images (sensor_msgs/msg/Image; rgb8, bgr8, rgba8, bgra8 or mono8).</param>
/// <param name="DepthTopic">ground-truth depth images (16UC1 millimetres or 32FC1 metres).</param>
/// <param name="CameraInfoTopic">intrinsics of the depth image (sensor_msgs/msg/CameraInfo).</param>
/// <param name="OdometryTopic">camera pose source (nav_msgs/msg/Odometry, child frame = optical camera frame), or null for no poses.</param>
/// <param name="MaxPairingGapNs">largest header-stamp gap between a colour and a depth image paired into one frame (0..1 s; default 10 ms).</param>
/// <param name="MaxPoseGapNs">largest gap between an image stamp and the odometry samples its pose is interpolated from (0..10 s; default 100 ms).</param>
public sealed record BagFrameSourceOptions(
    string RgbTopic = "/camera/color/image_raw",
    string DepthTopic = "/camera/depth/image_raw",
    string CameraInfoTopic = "/camera/depth/camera_info",
    string? OdometryTopic = "/odom",
    long MaxPairingGapNs = 10_000_000,
    long MaxPoseGapNs = 100_000_000)
{
    /// <summary>The topic names of the project's demo bags (and of the real 7-Scenes bag).</summary>
    public static BagFrameSourceOptions Default { get; } = new();

    /// <summary>Throws <see cref="ArgumentException"/> naming the first bad parameter.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(RgbTopic)) throw new ArgumentException("must name a topic", nameof(RgbTopic));
        if (string.IsNullOrWhiteSpace(DepthTopic)) throw new ArgumentException("must name a topic", nameof(DepthTopic));
        if (string.IsNullOrWhiteSpace(CameraInfoTopic)) throw new ArgumentException("must name a topic", nameof(CameraInfoTopic));
        if (MaxPairingGapNs is < 0 or > 1_000_000_000) throw new ArgumentOutOfRangeException(nameof(MaxPairingGapNs), MaxPairingGapNs, "0..1 s");
        if (MaxPoseGapNs is < 0 or > 10_000_000_000) throw new ArgumentOutOfRangeException(nameof(MaxPoseGapNs), MaxPoseGapNs, "0..10 s");
    }
}
