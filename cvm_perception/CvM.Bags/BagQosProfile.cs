namespace CvM.Bags;

/// <summary>
/// A recorded publisher's QoS as rosbag2 stores it in <c>offered_qos_profiles</c>. Policy values are the
/// lower-case names rosbag2 9 writes (<c>keep_last</c>, <c>reliable</c>, <c>best_effort</c>, <c>volatile</c>,
/// <c>transient_local</c>, <c>automatic</c>, ...); numeric values of older bags are mapped to them on reading.
/// Durations are nanoseconds; <see cref="Infinite"/> is rmw's "infinite" (0x7FFFFFFFFFFFFFFF ns).
/// </summary>
public sealed record BagQosProfile(
    string History = "keep_last",
    int Depth = 10,
    string Reliability = "reliable",
    string Durability = "volatile",
    long DeadlineNs = BagQosProfile.Infinite,
    long LifespanNs = BagQosProfile.Infinite,
    string Liveliness = "automatic",
    long LivelinessLeaseDurationNs = BagQosProfile.Infinite,
    bool AvoidRosNamespaceConventions = false)
{
    /// <summary>rmw's infinite duration (sec 9223372036, nsec 854775807).</summary>
    public const long Infinite = long.MaxValue;

    /// <summary>The ROS 2 default profile (reliable, keep last 10, volatile).</summary>
    public static BagQosProfile Default { get; } = new();

    /// <summary>The ROS 2 sensor-data profile (best effort, keep last 5, volatile).</summary>
    public static BagQosProfile SensorData { get; } = new(Depth: 5, Reliability: "best_effort");
}
