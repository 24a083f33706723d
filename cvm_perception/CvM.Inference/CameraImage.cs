namespace CvM.Inference;

/// <summary>
/// A camera image as it arrives (the fields of <c>sensor_msgs/Image</c>): <see cref="Data"/> holds
/// <see cref="Height"/> rows of <see cref="Step"/> bytes each. Ownership: the caller owns the bytes; they are
/// read only during the call they are passed to and never kept (a stack-only view, so no copy and no allocation).
/// </summary>
public readonly ref struct CameraImage
{
    /// <summary>A view of <paramref name="data"/> as an image.</summary>
    public CameraImage(ReadOnlySpan<byte> data, int width, int height, int step, ImageEncoding encoding, bool isBigEndian = false)
    {
        Data = data;
        Width = width;
        Height = height;
        Step = step;
        Encoding = encoding;
        IsBigEndian = isBigEndian;
    }

    /// <summary>Pixel bytes, row-major, rows <see cref="Step"/> bytes apart.</summary>
    public ReadOnlySpan<byte> Data { get; }

    /// <summary>Width, pixels.</summary>
    public int Width { get; }

    /// <summary>Height, pixels.</summary>
    public int Height { get; }

    /// <summary>Bytes from one row to the next.</summary>
    public int Step { get; }

    /// <summary>Pixel encoding.</summary>
    public ImageEncoding Encoding { get; }

    /// <summary>Byte order of multi-byte pixels (<see cref="ImageEncoding.Mono16"/>); ROS <c>is_bigendian</c>.</summary>
    public bool IsBigEndian { get; }

    /// <summary>Checks the layout; <see cref="FrameRejection.None"/> when the image can be read.</summary>
    public FrameRejection Validate()
    {
        var bpp = ImageEncodingNames.BytesPerPixel(Encoding);
        if (bpp == 0) return FrameRejection.UnsupportedEncoding;
        if (Width <= 0 || Height <= 0) return FrameRejection.ZeroSize;
        if ((long)Step < (long)Width * bpp) return FrameRejection.StepTooSmall;
        if ((long)Step * Height > Data.Length) return FrameRejection.DataTooShort;
        return FrameRejection.None;
    }
}
