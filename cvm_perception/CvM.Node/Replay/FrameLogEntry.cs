using CvM.Keyframes.Selection;

namespace CvM.Node.Replay;

/// <summary>One line of a replay's frames.csv: what a frame was run with.</summary>
public sealed record FrameLogEntry(long StampNs, ViewSelectionMode Mode, DuplicateReason Reason, long Source1StampNs, long Source2StampNs,
    double Source1DistanceM, double Source2DistanceM, double RunMs, double PipelineMs);
