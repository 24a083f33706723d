namespace CvM.Ros.Qos;

/// <summary>
/// A ROS 2 QoS profile for one endpoint. <see cref="Depth"/> is the KEEP_LAST depth (ignored for KEEP_ALL).
/// The ROS profiles: <see cref="SensorData"/> (best effort, keep last 5, volatile) and <see cref="Default"/>
/// (reliable, keep last 10, volatile). A reliable reader does not match a best-effort writer.
/// </summary>
public sealed record QosProfile(ReliabilityKind Reliability, DurabilityKind Durability, HistoryKind History, int Depth)
{
    /// <summary>rmw_qos_profile_sensor_data: best effort, keep last 5, volatile.</summary>
    public static QosProfile SensorData { get; } = new(ReliabilityKind.BestEffort, DurabilityKind.Volatile, HistoryKind.KeepLast, 5);

    /// <summary>rmw_qos_profile_default: reliable, keep last 10, volatile.</summary>
    public static QosProfile Default { get; } = new(ReliabilityKind.Reliable, DurabilityKind.Volatile, HistoryKind.KeepLast, 10);

    /// <summary>This profile with the non-null fields of <paramref name="overrides"/> replacing its own.</summary>
    public QosProfile With(QosOverrides overrides)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        return new QosProfile(
            overrides.Reliability ?? Reliability,
            overrides.Durability ?? Durability,
            overrides.History ?? History,
            overrides.Depth ?? Depth).Validated();
    }

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> for a KEEP_LAST depth below 1 or an undefined enum value.</summary>
    public QosProfile Validated()
    {
        if (!Enum.IsDefined(Reliability)) throw new ArgumentOutOfRangeException(nameof(Reliability), Reliability, "unknown reliability");
        if (!Enum.IsDefined(Durability)) throw new ArgumentOutOfRangeException(nameof(Durability), Durability, "unknown durability");
        if (!Enum.IsDefined(History)) throw new ArgumentOutOfRangeException(nameof(History), History, "unknown history");
        if (History == HistoryKind.KeepLast && Depth < 1)
            throw new ArgumentOutOfRangeException(nameof(Depth), Depth, "KEEP_LAST history needs a depth of at least 1");
        return this;
    }
}
