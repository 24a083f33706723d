namespace CvM.Inference;

/// <summary>Maps ROS encoding strings (<c>sensor_msgs/image_encodings.hpp</c>) to <see cref="ImageEncoding"/> and back.</summary>
public static class ImageEncodingNames
{
    /// <summary>The encoding named <paramref name="rosEncoding"/>, or <see cref="ImageEncoding.Unsupported"/> (no allocation).</summary>
    public static ImageEncoding Parse(ReadOnlySpan<char> rosEncoding) => rosEncoding switch
    {
        "rgb8" => ImageEncoding.Rgb8,
        "bgr8" => ImageEncoding.Bgr8,
        "rgba8" => ImageEncoding.Rgba8,
        "bgra8" => ImageEncoding.Bgra8,
        "mono8" or "8UC1" => ImageEncoding.Mono8,
        "mono16" or "16UC1" => ImageEncoding.Mono16,
        _ => ImageEncoding.Unsupported,
    };

    /// <summary>The ROS name of <paramref name="encoding"/> (empty for unsupported).</summary>
    public static string ToRosName(ImageEncoding encoding) => encoding switch
    {
        ImageEncoding.Rgb8 => "rgb8",
        ImageEncoding.Bgr8 => "bgr8",
        ImageEncoding.Rgba8 => "rgba8",
        ImageEncoding.Bgra8 => "bgra8",
        ImageEncoding.Mono8 => "mono8",
        ImageEncoding.Mono16 => "mono16",
        _ => string.Empty,
    };

    /// <summary>Bytes per pixel of <paramref name="encoding"/> (0 for unsupported).</summary>
    public static int BytesPerPixel(ImageEncoding encoding) => encoding switch
    {
        ImageEncoding.Rgb8 or ImageEncoding.Bgr8 => 3,
        ImageEncoding.Rgba8 or ImageEncoding.Bgra8 => 4,
        ImageEncoding.Mono8 => 1,
        ImageEncoding.Mono16 => 2,
        _ => 0,
    };
}
