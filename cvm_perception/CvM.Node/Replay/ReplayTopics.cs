namespace CvM.Node.Replay;

/// <summary>The input topics read from a bag (defaults: the demo bag's and the 7-Scenes bag's names).</summary>
/// <param name="Image">colour images.</param>
/// <param name="CameraInfo">their camera_info.</param>
/// <param name="Odometry">odometry (child frame = camera optical frame, or with a mounting).</param>
/// <param name="Tf">dynamic transforms.</param>
/// <param name="TfStatic">static transforms.</param>
public sealed record ReplayTopics(
    string Image = "/camera/color/image_raw",
    string CameraInfo = "/camera/color/camera_info",
    string Odometry = "/odom",
    string Tf = "/tf",
    string TfStatic = "/tf_static");
