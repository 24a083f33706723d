namespace CvM.Keyframes.Pairing;

/// <summary>What happened to an incoming camera_info; every value but <see cref="Accepted"/> is a counted drop.</summary>
public enum CameraInfoOutcome
{
    /// <summary>Stored as the latest intrinsics of its frame.</summary>
    Accepted = 0,

    /// <summary>K is all zero (an uncalibrated camera, REP 104).</summary>
    ZeroK = 1,

    /// <summary>A K entry is NaN or infinite.</summary>
    NonFinite = 2,

    /// <summary>K is not a pinhole matrix: fx or fy not positive, or the bottom row not (0, 0, 1), or K[3] not 0.</summary>
    InvalidK = 3,

    /// <summary>Width or height not positive, or K does not have 9 entries.</summary>
    InvalidSize = 4,

    /// <summary>The frame id is empty, or more camera frames than the pairer holds.</summary>
    InvalidFrameId = 5,
}
