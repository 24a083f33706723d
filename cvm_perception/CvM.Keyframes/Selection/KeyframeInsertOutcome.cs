namespace CvM.Keyframes.Selection;

/// <summary>What <see cref="KeyframeBuffer{TPayload}.TryInsert"/> did.</summary>
public enum KeyframeInsertOutcome
{
    /// <summary>Inserted (the buffer now owns the payload).</summary>
    Inserted = 0,

    /// <summary>Inserted, evicting the oldest keyframe (whose payload was released).</summary>
    InsertedEvictingOldest = 1,

    /// <summary>Inserted after releasing every keyframe: the stamp jumped back further than the clock-reset threshold.</summary>
    InsertedAfterClockReset = 5,

    /// <summary>Not inserted: the camera neither moved nor turned enough since the last keyframe.</summary>
    NotEnoughMotion = 2,

    /// <summary>Not inserted: the stamp is not after the newest keyframe's.</summary>
    StampNotNewer = 3,

    /// <summary>Not inserted: the pose is not finite.</summary>
    NonFinitePose = 4,
}
