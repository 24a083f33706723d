namespace CvM.Ros.Qos;

/// <summary>DDS RELIABILITY kind (values as <c>dds_reliability_kind_t</c>).</summary>
public enum ReliabilityKind
{
    BestEffort = 0,
    Reliable = 1,
}
