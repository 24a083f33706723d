namespace CvM.Ros.Dds.Types;

/// <summary>
/// The managed content of a <c>dds_topic_descriptor_t</c>: ops bytecode (words, as in idlc's <c>_ops</c> array),
/// the number of instructions (<c>m_nops</c>), the C sample's size and alignment and the flag set.
/// </summary>
public sealed record TopicDescriptorModel(string TypeName, uint[] Ops, uint NOps, uint Size, uint Align, uint FlagSet);
