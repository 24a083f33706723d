namespace CvM.Pipeline;

/// <summary>Camera pose source of the pipeline.</summary>
public enum PoseSourceMode
{
    /// <summary>Odometry plus the camera mounting.</summary>
    Odometry,

    /// <summary>TF alone.</summary>
    Tf,

    /// <summary>No poses.</summary>
    None,
}
