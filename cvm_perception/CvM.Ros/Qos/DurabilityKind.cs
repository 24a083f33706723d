namespace CvM.Ros.Qos;

/// <summary>DDS DURABILITY kind (values as <c>dds_durability_kind_t</c>); ROS uses volatile and transient local.</summary>
public enum DurabilityKind
{
    Volatile = 0,
    TransientLocal = 1,
}
