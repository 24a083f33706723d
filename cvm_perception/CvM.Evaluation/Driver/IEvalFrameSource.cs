namespace CvM.Evaluation.Driver;

/// <summary>
/// A sequence of evaluation frames (a bag, a folder of images, synthetic data). Each call of
/// <see cref="ReadFrames"/> starts the sequence again from its first frame, in stamp order.
/// </summary>
public interface IEvalFrameSource
{
    /// <summary>A short name for reports (e.g. the bag folder name).</summary>
    string Name { get; }

    /// <summary>Number of frames <see cref="ReadFrames"/> will yield when known in advance (for progress), else null.</summary>
    int? FrameCount { get; }

    /// <summary>The frames in stamp order; each <see cref="EvalFrame"/> is new and owned by the receiver.</summary>
    IEnumerable<EvalFrame> ReadFrames();
}
