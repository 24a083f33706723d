namespace CvM.Ros.Dds.Types;

/// <summary>A final (non-extensible) IDL struct: its DDS type name (e.g. <c>std_msgs::msg::dds_::Header_</c>) and members in order.</summary>
public sealed record DdsStructType(string DdsTypeName, IReadOnlyList<DdsField> Fields);
