namespace CvM.Keyframes.Pairing;

/// <summary>What pairing did with an image.</summary>
public enum PairingOutcome
{
    /// <summary>Paired with intrinsics and a camera pose: eligible for multi-view inference.</summary>
    Paired = 0,

    /// <summary>Intrinsics found but no pose inside the tolerance: goes on in duplication mode (the cause is in <see cref="PairedFrame.PoseStatus"/>).</summary>
    NoPose = 1,

    /// <summary>Dropped: no valid camera_info of the image's frame yet.</summary>
    NoCameraInfo = 2,

    /// <summary>Dropped: the image size differs from its camera_info's.</summary>
    SizeMismatch = 3,

    /// <summary>Dropped: zero-size image or empty frame id.</summary>
    InvalidImage = 4,

    /// <summary>Dropped: the stamp is earlier than the previous image of the same camera (by less than the clock-reset threshold).</summary>
    StampBackwards = 5,

    /// <summary>Dropped: the stamp equals the previous image's of the same camera.</summary>
    DuplicateStamp = 6,
}
