using CvM.Keyframes.Selection;

namespace CvM.Pipeline.Diagnostics;

/// <summary>
/// What the most recent frame was run with: its header stamp, its mode and, for a multi-view frame, the stamps of
/// its two source keyframes (-1 when duplicated). A value.
/// </summary>
/// <param name="StampNs">the frame's header stamp (ns).</param>
/// <param name="Mode">how the network was fed.</param>
/// <param name="Reason">why it was duplicated (None when not).</param>
/// <param name="Source1StampNs">stamp of the nearer source view, or -1.</param>
/// <param name="Source2StampNs">stamp of the second source view, or -1.</param>
public readonly record struct FrameViews(long StampNs, ViewSelectionMode Mode, DuplicateReason Reason, long Source1StampNs, long Source2StampNs);
