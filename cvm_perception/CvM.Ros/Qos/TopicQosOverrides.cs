namespace CvM.Ros.Qos;

/// <summary>
/// Overrides keyed by fully qualified ROS topic name (e.g. <c>/camera/image_raw</c>): <see cref="Resolve"/> applies
/// the entry for a topic, if any, to a base profile. Immutable once built.
/// </summary>
public sealed class TopicQosOverrides
{
    private readonly Dictionary<string, QosOverrides> _byTopic;

    public TopicQosOverrides(IEnumerable<KeyValuePair<string, QosOverrides>> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        _byTopic = new Dictionary<string, QosOverrides>(StringComparer.Ordinal);
        foreach (var (topic, o) in entries)
        {
            if (!topic.StartsWith('/')) throw new ArgumentException($"QoS override topic '{topic}' must be fully qualified (start with '/')", nameof(entries));
            _byTopic[topic] = o;
        }
    }

    /// <summary>No overrides.</summary>
    public static TopicQosOverrides None { get; } = new([]);

    /// <summary>Number of topics with an override.</summary>
    public int Count => _byTopic.Count;

    /// <summary><paramref name="baseProfile"/> with the override of <paramref name="rosTopic"/> applied (validated).</summary>
    public QosProfile Resolve(string rosTopic, QosProfile baseProfile)
    {
        ArgumentNullException.ThrowIfNull(baseProfile);
        return _byTopic.TryGetValue(rosTopic, out var o) ? baseProfile.With(o) : baseProfile.Validated();
    }
}
