namespace CvM.Synthetic;

/// <summary>
/// Caller-owned output buffers of one rendered frame of <see cref="Width"/> x <see cref="Height"/> pixels,
/// all row-major with the pixel (u, v) at index v * Width + u. Allocated once here and overwritten by every
/// <see cref="Scene.Render"/> call (no per-frame allocation); not safe to render into from two threads at once.
/// Invalid pixels (a ray that hits nothing) have depth 0, label <see cref="SemanticClass.Void"/>, normal (0, 0, 0),
/// black colour and primitive id -1.
/// </summary>
public sealed class FrameBuffers
{
    /// <summary>Allocates buffers for a <paramref name="width"/> x <paramref name="height"/> image.</summary>
    public FrameBuffers(int width, int height)
    {
        if (width <= 0 || height <= 0 || (long)width * height > 1 << 26)
            throw new ArgumentOutOfRangeException(nameof(width), "image size must be positive and at most 2^26 pixels");
        Width = width;
        Height = height;
        var n = width * height;
        RgbHW3 = new byte[n * 3];
        DepthHW = new float[n];
        LabelsHW = new byte[n];
        NormalsHW3 = new float[n * 3];
        PrimitiveIdsHW = new int[n];
    }

    /// <summary>Image width, pixels.</summary>
    public int Width { get; }

    /// <summary>Image height, pixels.</summary>
    public int Height { get; }

    /// <summary>Colour, 8-bit RGB interleaved (H x W x 3), with sensor noise.</summary>
    public byte[] RgbHW3 { get; }

    /// <summary>Metric z-depth along the optical axis, metres (H x W); 0 = invalid.</summary>
    public float[] DepthHW { get; }

    /// <summary>NYUv2 13-class label ids (H x W), <see cref="SemanticClass"/>.</summary>
    public byte[] LabelsHW { get; }

    /// <summary>Unit surface normals in the camera optical frame (H x W x 3), facing the camera.</summary>
    public float[] NormalsHW3 { get; }

    /// <summary>Index into <see cref="Scene.Primitives"/> of the primitive each pixel sees (H x W); -1 = none.</summary>
    public int[] PrimitiveIdsHW { get; }

    /// <summary>Scratch for per-frame culling (screen rectangles of primitive groups); grown on demand.</summary>
    internal int[] GroupRects { get; set; } = [];
}
