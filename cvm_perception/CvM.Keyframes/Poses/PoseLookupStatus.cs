namespace CvM.Keyframes.Poses;

/// <summary>Result of looking up a pose at a stamp. Every value but <see cref="Ok"/> is a typed failure.</summary>
public enum PoseLookupStatus
{
    /// <summary>A pose was found (interpolated, exact, or held within the tolerance).</summary>
    Ok = 0,

    /// <summary>No pose source is configured.</summary>
    NoSource = 1,

    /// <summary>The history holds no sample yet.</summary>
    NoData = 2,

    /// <summary>The stamp is earlier than the oldest sample by more than the tolerance (evicted or never received).</summary>
    TooOld = 3,

    /// <summary>The stamp is later than the newest sample by more than the tolerance (would need extrapolation).</summary>
    TooNew = 4,

    /// <summary>The two bracketing samples are further apart than the largest interpolation gap.</summary>
    GapTooLarge = 5,

    /// <summary>A frame id of the lookup is not in the TF tree.</summary>
    UnknownFrame = 6,

    /// <summary>Both frames are known but not connected in the TF tree.</summary>
    NoPath = 7,

    /// <summary>The pose handed in (or composed) is not finite.</summary>
    NonFinite = 8,
}
