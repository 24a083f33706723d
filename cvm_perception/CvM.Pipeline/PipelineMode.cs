namespace CvM.Pipeline;

/// <summary>
/// How the bounded channels between stages behave when full. <see cref="Live"/>: drop the oldest queued item
/// (every drop counted by cause) so the newest frame is served and no queue grows; the producer never blocks.
/// <see cref="Replay"/>: the producer waits for room, so no frame is ever dropped for lack of space.
/// </summary>
public enum PipelineMode
{
    /// <summary>Drop oldest when full (live camera streams; DDS callbacks must never block).</summary>
    Live,

    /// <summary>Wait when full (bag replay and evaluation: every frame is processed).</summary>
    Replay,
}
