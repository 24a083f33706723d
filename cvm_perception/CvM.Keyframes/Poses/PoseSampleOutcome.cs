namespace CvM.Keyframes.Poses;

/// <summary>
/// What happened to an incoming pose or transform sample. Values below <see cref="NonFinite"/> mean the sample
/// was stored; the others are drops, each counted.
/// </summary>
public enum PoseSampleOutcome
{
    /// <summary>Stored (its quaternion normalised).</summary>
    Accepted = 0,

    /// <summary>Stored after clearing the history: the stamp jumped back further than the clock-reset threshold.</summary>
    AcceptedAfterClockReset = 1,

    /// <summary>Stored as a TF edge whose child had another parent before (that edge's history was cleared).</summary>
    AcceptedReparented = 2,

    /// <summary>Dropped: a translation or quaternion component is NaN or infinite.</summary>
    NonFinite = 3,

    /// <summary>Dropped: the quaternion's norm differs from 1 by more than the tolerance.</summary>
    NonUnitQuaternion = 4,

    /// <summary>Dropped: the stamp is earlier than the newest sample (by less than the clock-reset threshold).</summary>
    StampBackwards = 5,

    /// <summary>Dropped: the stamp equals the newest sample's.</summary>
    DuplicateStamp = 6,

    /// <summary>Dropped: a frame id is empty, or parent and child are the same frame.</summary>
    InvalidFrameId = 7,

    /// <summary>Dropped: the edge would close a loop in the TF tree.</summary>
    Loop = 8,

    /// <summary>Dropped: the TF buffer holds its largest number of frames already.</summary>
    TooManyFrames = 9,

    /// <summary>Dropped: a dynamic transform for an edge that /tf_static set.</summary>
    StaticEdgeConflict = 10,
}
