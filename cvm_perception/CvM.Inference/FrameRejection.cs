namespace CvM.Inference;

/// <summary>
/// Why a frame was not processed (the per-frame typed result of pre-processing and inference; the caller counts
/// them). <see cref="None"/> means it was processed.
/// </summary>
public enum FrameRejection
{
    /// <summary>Processed.</summary>
    None = 0,

    /// <summary>The encoding is not one of <see cref="ImageEncoding"/>'s supported values.</summary>
    UnsupportedEncoding,

    /// <summary>Width or height is zero (or negative).</summary>
    ZeroSize,

    /// <summary>The row step is smaller than width times bytes per pixel.</summary>
    StepTooSmall,

    /// <summary>Fewer than step * height bytes.</summary>
    DataTooShort,

    /// <summary>The intrinsics are for another image size than the image's.</summary>
    IntrinsicsSizeMismatch,

    /// <summary>A pose has a NaN or infinite component, or a quaternion far from unit norm.</summary>
    InvalidPose,

    /// <summary>A source view was prepared for another camera size than the reference.</summary>
    ViewMismatch,

    /// <summary>ONNX Runtime failed on this frame (the exception is kept in <see cref="CvmModel.LastError"/>).</summary>
    RuntimeError,
}
