namespace CvM.Keyframes.Selection;

/// <summary>Why a frame was duplicated (or <see cref="None"/> when it was not).</summary>
public enum DuplicateReason
{
    /// <summary>Not duplicated.</summary>
    None = 0,

    /// <summary>The frame has no camera pose (the pairing result says why).</summary>
    NoPose = 1,

    /// <summary>No keyframe yet (the first frame).</summary>
    EmptyBuffer = 2,

    /// <summary>Fewer than two keyframes are usable and most were rejected for a baseline under the minimum.</summary>
    NotEnoughBaseline = 3,

    /// <summary>Fewer than two keyframes are usable and most were rejected for a viewing-angle change over the maximum.</summary>
    AngleTooLarge = 4,

    /// <summary>Fewer than two keyframes are usable and most were rejected for their age (or a stamp after the frame's).</summary>
    TooOld = 5,

    /// <summary>Exactly one keyframe is usable and the policy is to duplicate the reference.</summary>
    OneUsableView = 6,
}
