namespace CvM.Pipeline;

/// <summary>
/// Lifecycle states, after the ROS 2 managed-node states: <see cref="Unconfigured"/> --configure-->
/// <see cref="Inactive"/> --activate--> <see cref="Active"/> --deactivate--> <see cref="Inactive"/>
/// --cleanup--> <see cref="Unconfigured"/>; any state --shutdown--> <see cref="Finalized"/>.
/// Resources (model session, buffers) exist from configure to cleanup; stages run only while active.
/// </summary>
public enum PipelineState
{
    /// <summary>Created; nothing allocated.</summary>
    Unconfigured,

    /// <summary>Configured: model loaded, buffers allocated, stages not running.</summary>
    Inactive,

    /// <summary>Stages running: input accepted, outputs produced.</summary>
    Active,

    /// <summary>Shut down; the pipeline cannot be used again.</summary>
    Finalized,
}
