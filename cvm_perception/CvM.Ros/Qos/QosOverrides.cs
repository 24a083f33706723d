namespace CvM.Ros.Qos;

/// <summary>Per-topic QoS overrides; null fields keep the base profile's value (see <see cref="QosProfile.With"/>).</summary>
public sealed record QosOverrides(
    ReliabilityKind? Reliability = null,
    DurabilityKind? Durability = null,
    int? Depth = null,
    HistoryKind? History = null);
