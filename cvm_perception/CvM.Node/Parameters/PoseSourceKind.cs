namespace CvM.Node.Parameters;

/// <summary>The <c>pose_source</c> parameter.</summary>
public enum PoseSourceKind
{
    /// <summary>nav_msgs/Odometry on <c>odom_topic</c> (plus the camera mounting).</summary>
    Odom,

    /// <summary>TF: <c>world_frame</c> to the image's optical frame through /tf and /tf_static.</summary>
    Tf,

    /// <summary>No poses: every frame runs duplicated.</summary>
    None,
}
