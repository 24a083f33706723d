namespace CvM.Inference;

/// <summary>
/// Pixel encodings the pre-processing accepts (the ROS <c>sensor_msgs/Image</c> names in
/// <see cref="ImageEncodingNames"/>). Anything else is rejected per frame with
/// <see cref="FrameRejection.UnsupportedEncoding"/>.
/// </summary>
public enum ImageEncoding
{
    /// <summary>Not one of the supported encodings.</summary>
    Unsupported = 0,

    /// <summary>8-bit RGB, 3 bytes per pixel.</summary>
    Rgb8,

    /// <summary>8-bit BGR, 3 bytes per pixel.</summary>
    Bgr8,

    /// <summary>8-bit RGBA, 4 bytes per pixel (alpha ignored).</summary>
    Rgba8,

    /// <summary>8-bit BGRA, 4 bytes per pixel (alpha ignored).</summary>
    Bgra8,

    /// <summary>8-bit grey, replicated to R, G and B.</summary>
    Mono8,

    /// <summary>16-bit grey (full range 0..65535), replicated to R, G and B.</summary>
    Mono16,
}
