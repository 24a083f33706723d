using CvM.Keyframes;

namespace CvM.Node.Parameters;

/// <summary>
/// Every parameter of the node in one validated record; each property's ROS name, default, range and description
/// are in <see cref="NodeParameterTable"/> (the single source the params loader, <c>--help</c> and
/// <c>config/cvm_perception.yaml</c> follow). Immutable; build it with <see cref="NodeParameterLoader"/>.
/// </summary>
public sealed record NodeParameters
{
    /// <summary>Input image topic (sensor_msgs/Image).</summary>
    public string ImageTopic { get; init; } = "image";

    /// <summary>Input camera_info topic.</summary>
    public string CameraInfoTopic { get; init; } = "camera_info";

    /// <summary>Odometry topic (nav_msgs/Odometry).</summary>
    public string OdomTopic { get; init; } = "odom";

    /// <summary>Where camera poses come from: odom, tf or none.</summary>
    public PoseSourceKind PoseSource { get; init; } = PoseSourceKind.Odom;

    /// <summary>Dynamic transforms topic.</summary>
    public string TfTopic { get; init; } = "/tf";

    /// <summary>Static transforms topic.</summary>
    public string TfStaticTopic { get; init; } = "/tf_static";

    /// <summary>The fixed frame poses are expressed in (odometry header frame or TF root).</summary>
    public string WorldFrame { get; init; } = "odom";

    /// <summary>The robot body frame odometry tracks ("" = the odometry's child frame).</summary>
    public string BaseFrame { get; init; } = string.Empty;

    /// <summary>QoS reliability of the image subscription.</summary>
    public string ImageReliability { get; init; } = "best_effort";

    /// <summary>QoS depth of the image subscription.</summary>
    public int ImageQueueDepth { get; init; } = 5;

    /// <summary>QoS reliability of the camera_info subscription.</summary>
    public string CameraInfoReliability { get; init; } = "best_effort";

    /// <summary>QoS reliability of the odometry subscription.</summary>
    public string OdomReliability { get; init; } = "best_effort";

    /// <summary>QoS depth of the odometry subscription.</summary>
    public int OdomQueueDepth { get; init; } = 50;

    /// <summary>QoS reliability of the output publishers.</summary>
    public string OutputReliability { get; init; } = "reliable";

    /// <summary>QoS depth of the output publishers.</summary>
    public int OutputQueueDepth { get; init; } = 5;

    /// <summary>The exported model (.onnx; its manifest is the .json beside it).</summary>
    public string ModelPath { get; init; } = "models/cvm_96x128.onnx";

    /// <summary>Execution provider request: auto, cuda or cpu.</summary>
    public string Device { get; init; } = "auto";

    /// <summary>ONNX Runtime intra-op threads (0 = ONNX Runtime's default).</summary>
    public int Threads { get; init; } = 2;

    /// <summary>
    /// ONNX Runtime's worker threads spin while waiting for work (<c>InferenceOptions.SpinWait</c>). Off by default: on
    /// the loaded 2-core machine spinning doubled the model's run time; it can help on an idle machine with spare cores.
    /// </summary>
    public bool SpinWait { get; init; }

    /// <summary>Pairing, keyframe and view-selection parameters (names, ranges and the derivation of the defaults in <see cref="KeyframeOptions"/>).</summary>
    public KeyframeOptions Keyframes { get; init; } = KeyframeOptions.Default;

    /// <summary>Frames per second processed at most (0 = no limit).</summary>
    public double MaxRateHz { get; init; }

    /// <summary>Capacity of each bounded channel between stages.</summary>
    public int QueueCapacity { get; init; } = 2;

    /// <summary>Publish ~/depth and ~/depth/camera_info.</summary>
    public bool PublishDepth { get; init; } = true;

    /// <summary>Publish ~/semantics.</summary>
    public bool PublishSemantics { get; init; } = true;

    /// <summary>Publish ~/semantics/color.</summary>
    public bool PublishSemanticsColor { get; init; } = true;

    /// <summary>Publish ~/normals.</summary>
    public bool PublishNormals { get; init; } = true;

    /// <summary>Publish ~/normals/color.</summary>
    public bool PublishNormalsColor { get; init; } = true;

    /// <summary>Period of /diagnostics.</summary>
    public double DiagnosticsPeriodS { get; init; } = 1.0;

    /// <summary>Take the camera mounting (base to camera optical frame) from /tf_static when it is there.</summary>
    public bool MountingFromTfStatic { get; init; } = true;

    /// <summary>Camera mounting translation x, y, z (metres) of T_base_cam, used when /tf_static has none.</summary>
    public IReadOnlyList<double> MountingTranslation { get; init; } = [0.0, 0.0, 0.0];

    /// <summary>Camera mounting rotation quaternion x, y, z, w of T_base_cam.</summary>
    public IReadOnlyList<double> MountingRotationXyzw { get; init; } = [0.0, 0.0, 0.0, 1.0];

    /// <summary>ROS 2 distribution for graph conventions ("" = ROS_DISTRO, else jazzy).</summary>
    public string Distro { get; init; } = string.Empty;
}
