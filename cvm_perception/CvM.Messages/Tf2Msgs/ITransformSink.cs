using CvM.Messages.GeometryMsgs;
using CvM.Messages.StdMsgs;

namespace CvM.Messages.Tf2Msgs;

/// <summary>
/// Receives the transforms of <see cref="TFMessage.DecodeTransforms{TSink}"/> one by one (implement it on a struct:
/// the calls are then constrained, with no boxing or allocation).
/// </summary>
public interface ITransformSink
{
    /// <summary>One <c>TransformStamped</c>: its header (parent frame), child frame and <c>T_parent_child</c>.</summary>
    void Add(in Header header, string childFrameId, in Transform transform);
}
