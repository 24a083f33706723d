using CvM.Geometry;

namespace CvM.Pipeline.Frames;

/// <summary>
/// A non-image input as plain fields (the pipeline never sees message types): a camera_info, an odometry pose or a
/// TF transform. Poses carry the message's values unchecked (quaternion as received, <c>new UnitQuaternion(w, x, y, z)</c>):
/// the pipeline validates them and counts rejects. A value; owns nothing but immutable strings.
/// </summary>
/// <param name="Kind">what it is.</param>
/// <param name="StampNs">header stamp, nanoseconds.</param>
/// <param name="ParentFrame">camera_info: its frame id; odometry: header frame (odom); TF: parent frame.</param>
/// <param name="ChildFrame">odometry: child frame (base); TF: child frame; camera_info: unused.</param>
/// <param name="T_parent_child">the pose (odometry, TF).</param>
/// <param name="Width">camera_info width.</param>
/// <param name="Height">camera_info height.</param>
/// <param name="K">camera_info K, row-major.</param>
public readonly record struct InputEvent(
    InputEventKind Kind, long StampNs, string ParentFrame, string ChildFrame, Pose3 T_parent_child, int Width, int Height, Matrix3x3 K)
{
    /// <summary>A camera_info event.</summary>
    public static InputEvent CameraInfo(long stampNs, string frameId, int width, int height, ReadOnlySpan<double> K_rowMajor9) =>
        new(InputEventKind.CameraInfo, stampNs, frameId, string.Empty, Pose3.Identity, width, height,
            K_rowMajor9.Length == 9 ? Matrix3x3.From(K_rowMajor9) : default);

    /// <summary>An odometry event: pose of <paramref name="childFrame"/> in <paramref name="odomFrame"/>.</summary>
    public static InputEvent Odometry(long stampNs, string odomFrame, string childFrame, Pose3 T_odom_child) =>
        new(InputEventKind.Odometry, stampNs, odomFrame, childFrame, T_odom_child, 0, 0, default);

    /// <summary>A /tf (or, with <paramref name="isStatic"/>, /tf_static) transform event.</summary>
    public static InputEvent Transform(long stampNs, string parentFrame, string childFrame, Pose3 T_parent_child, bool isStatic) =>
        new(isStatic ? InputEventKind.StaticTransform : InputEventKind.Transform, stampNs, parentFrame, childFrame, T_parent_child, 0, 0, default);
}
