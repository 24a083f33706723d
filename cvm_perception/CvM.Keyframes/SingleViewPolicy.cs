namespace CvM.Keyframes;

/// <summary>What view selection does when exactly one keyframe passes the baseline, angle and age rules.</summary>
public enum SingleViewPolicy
{
    /// <summary>
    /// Duplicate the reference (both sources = the reference with identity pose), as the paper does whenever fewer
    /// than two source views exist, and as the network was trained (two distinct sources or full duplication).
    /// The default.
    /// </summary>
    DuplicateReference = 0,

    /// <summary>
    /// Use the one usable keyframe as both sources. The cost volume averages over sources and cross-attention over
    /// duplicated keys equals attention over one copy, so this is a one-source multi-view pass with real parallax;
    /// the network never saw this input in training, so it is opt-in.
    /// </summary>
    UseSingleViewTwice = 1,
}
