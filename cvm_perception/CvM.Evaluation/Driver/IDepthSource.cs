namespace CvM.Evaluation.Driver;

/// <summary>
/// Anything that predicts metric depth for an evaluation frame: the network, or a baseline. The evaluation
/// driver calls <see cref="Reset"/> once, then <see cref="TryPredict"/> for every frame in order.
/// </summary>
public interface IDepthSource
{
    /// <summary>A short stable name for reports and file names (lower case, dashes).</summary>
    string Name { get; }

    /// <summary>One sentence saying what the prediction is, including what ground truth it peeks at, if any.</summary>
    string Description { get; }

    /// <summary>
    /// What kind of source this is: a baseline (the floor to beat), an oracle-like reference that uses ground truth,
    /// or a real predictor.
    /// </summary>
    DepthSourceKind Kind { get; }

    /// <summary>Forgets all state (called before a sequence starts).</summary>
    void Reset();

    /// <summary>
    /// Writes a prediction for <paramref name="frame"/> into <paramref name="depthM"/> (metres, row-major,
    /// frame.PixelCount values; NaN = no prediction at that pixel). Returns false when the source has no prediction
    /// for this frame at all (the driver counts the frame as skipped). The span belongs to the driver and is only
    /// valid during the call.
    /// </summary>
    bool TryPredict(EvalFrame frame, Span<float> depthM);
}
