namespace CvM.Keyframes.Selection;

/// <summary>
/// The source views chosen for one frame. Indices point into the <see cref="KeyframeBuffer{TPayload}"/> as it was at
/// selection (valid until the next insertion; ids stay valid while the keyframe is held). Source 1 is the nearer.
/// </summary>
/// <param name="Mode">multi-view, one view twice, or duplication.</param>
/// <param name="Reason">why the frame was duplicated; <see cref="DuplicateReason.None"/> otherwise.</param>
/// <param name="Source1Index">buffer index of the nearer source (-1 when duplicated).</param>
/// <param name="Source2Index">buffer index of the other source (-1 when duplicated; equals Source1Index for SingleViewTwice).</param>
/// <param name="Source1Id">keyframe id of the nearer source (-1 when duplicated).</param>
/// <param name="Source2Id">keyframe id of the other source (-1 when duplicated).</param>
/// <param name="Source1DistanceM">camera-centre distance of source 1 from the reference, metres (NaN when duplicated).</param>
/// <param name="Source2DistanceM">camera-centre distance of source 2 from the reference, metres (NaN when duplicated).</param>
/// <param name="Candidates">keyframes examined.</param>
/// <param name="RejectedByAge">keyframes older than the maximum age (or stamped after the frame).</param>
/// <param name="RejectedByBaseline">keyframes (of the rest) nearer than the minimum baseline.</param>
/// <param name="RejectedByAngle">keyframes (of the rest) turned more than the maximum angle.</param>
public readonly record struct ViewSelection(
    ViewSelectionMode Mode,
    DuplicateReason Reason,
    int Source1Index,
    int Source2Index,
    long Source1Id,
    long Source2Id,
    double Source1DistanceM,
    double Source2DistanceM,
    int Candidates,
    int RejectedByAge,
    int RejectedByBaseline,
    int RejectedByAngle)
{
    /// <summary>Keyframes that passed every rule.</summary>
    public int Usable => Candidates - RejectedByAge - RejectedByBaseline - RejectedByAngle;

    /// <summary>A duplication for <paramref name="reason"/> with the given rejection counts.</summary>
    public static ViewSelection Duplicate(DuplicateReason reason, int candidates = 0, int byAge = 0, int byBaseline = 0, int byAngle = 0) =>
        new(ViewSelectionMode.Duplicate, reason, -1, -1, -1, -1, double.NaN, double.NaN, candidates, byAge, byBaseline, byAngle);
}
