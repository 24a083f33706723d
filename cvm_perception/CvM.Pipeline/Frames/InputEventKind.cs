namespace CvM.Pipeline.Frames;

/// <summary>What an <see cref="InputEvent"/> carries.</summary>
public enum InputEventKind
{
    /// <summary>A camera_info: frame id, size and K.</summary>
    CameraInfo,

    /// <summary>An odometry pose: T_parent_child = pose of the child (base) frame in the header (odom) frame.</summary>
    Odometry,

    /// <summary>A /tf transform T_parent_child at a stamp.</summary>
    Transform,

    /// <summary>A /tf_static transform T_parent_child, valid at all stamps.</summary>
    StaticTransform,
}
