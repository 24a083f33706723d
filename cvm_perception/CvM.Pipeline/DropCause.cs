namespace CvM.Pipeline;

/// <summary>Why an input was dropped (or degraded). Each cause has its own counter in the diagnostics.</summary>
public enum DropCause
{
    /// <summary>Live mode: an image waiting for pairing was replaced by a newer one (queue full).</summary>
    ImageQueueFull,

    /// <summary>Live mode: a paired frame waiting for inference was replaced by a newer one (queue full).</summary>
    InferenceQueueFull,

    /// <summary>Live mode: a result waiting for output was replaced by a newer one (queue full).</summary>
    OutputQueueFull,

    /// <summary>The image message could not be decoded (e.g. data shorter than step*height).</summary>
    ImageDecodeError,

    /// <summary>The image encoding is not one the pipeline supports.</summary>
    UnsupportedEncoding,

    /// <summary>Width or height is zero.</summary>
    ZeroSizeImage,

    /// <summary>The row step is smaller than width times bytes per pixel.</summary>
    StepTooSmall,

    /// <summary>Fewer pixel bytes than step * height.</summary>
    DataTooShort,

    /// <summary>The image size differs from its camera_info's.</summary>
    CameraInfoSizeMismatch,

    /// <summary>The image stamp is not after the previous image's stamp.</summary>
    StampNotIncreasing,

    /// <summary>No valid camera_info has been received for the image.</summary>
    NoCameraInfo,

    /// <summary>A camera_info was rejected (K all zero, non-finite or non-positive focal lengths, zero size).</summary>
    InvalidCameraInfo,

    /// <summary>A pose or transform message was rejected (NaN/inf values, quaternion not of unit norm).</summary>
    InvalidPose,

    /// <summary>A pose or transform message was not newer than the newest one already buffered for its frame pair.</summary>
    PoseStampNotIncreasing,

    /// <summary>A transform was rejected for its frame ids (empty, loop, too many frames, dynamic over static).</summary>
    InvalidTransform,

    /// <summary>Live mode: a pose, transform or camera_info waiting for the pairing stage was replaced (side queue full).</summary>
    EventQueueFull,

    /// <summary>Frames skipped to honour the maximum processing rate.</summary>
    RateLimited,

    /// <summary>The inference engine failed on this frame.</summary>
    InferenceError,

    /// <summary>The output sink failed on this frame.</summary>
    OutputError,
}
