namespace CvM.Node.Conversion;

/// <summary>The node's output topics (relative names under the node's private namespace).</summary>
public enum OutputTopic
{
    /// <summary><c>~/depth</c>: sensor_msgs/Image 32FC1, metres, NaN invalid (REP 118).</summary>
    Depth,

    /// <summary><c>~/depth/camera_info</c>: the intrinsics of the depth image.</summary>
    DepthCameraInfo,

    /// <summary><c>~/semantics</c>: mono8 class ids.</summary>
    Semantics,

    /// <summary><c>~/semantics/color</c>: rgb8.</summary>
    SemanticsColor,

    /// <summary><c>~/normals</c>: 32FC3 unit normals, camera optical frame.</summary>
    Normals,

    /// <summary><c>~/normals/color</c>: rgb8.</summary>
    NormalsColor,
}
