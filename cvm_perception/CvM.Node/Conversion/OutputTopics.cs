using CvM.Messages.SensorMsgs;
using CvM.Node.Parameters;

namespace CvM.Node.Conversion;

/// <summary>Names, types and enablement of the output topics.</summary>
public static class OutputTopics
{
    /// <summary>Every output topic.</summary>
    public static IReadOnlyList<OutputTopic> All { get; } = Enum.GetValues<OutputTopic>();

    /// <summary>The relative ROS name (<c>~/depth</c> ...).</summary>
    public static string Name(OutputTopic t) => t switch
    {
        OutputTopic.Depth => "~/depth",
        OutputTopic.DepthCameraInfo => "~/depth/camera_info",
        OutputTopic.Semantics => "~/semantics",
        OutputTopic.SemanticsColor => "~/semantics/color",
        OutputTopic.Normals => "~/normals",
        _ => "~/normals/color",
    };

    /// <summary>The ROS type.</summary>
    public static string RosType(OutputTopic t) => t == OutputTopic.DepthCameraInfo ? CameraInfo.RosType : Image.RosType;

    /// <summary>Whether the parameters enable <paramref name="t"/>.</summary>
    public static bool Enabled(OutputTopic t, NodeParameters p) => t switch
    {
        OutputTopic.Depth or OutputTopic.DepthCameraInfo => p.PublishDepth,
        OutputTopic.Semantics => p.PublishSemantics,
        OutputTopic.SemanticsColor => p.PublishSemanticsColor,
        OutputTopic.Normals => p.PublishNormals,
        _ => p.PublishNormalsColor,
    };

    /// <summary>The inference output kinds the enabled topics need.</summary>
    public static CvM.Inference.OutputKinds Kinds(NodeParameters p)
    {
        var k = CvM.Inference.OutputKinds.None;
        if (p.PublishDepth) k |= CvM.Inference.OutputKinds.Depth;
        if (p.PublishSemantics) k |= CvM.Inference.OutputKinds.Semantics;
        if (p.PublishSemanticsColor) k |= CvM.Inference.OutputKinds.SemanticsColor;
        if (p.PublishNormals) k |= CvM.Inference.OutputKinds.Normals;
        if (p.PublishNormalsColor) k |= CvM.Inference.OutputKinds.NormalsColor;
        return k;
    }
}
