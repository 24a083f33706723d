namespace CvM.Inference;

/// <summary>
/// The model's outputs at the camera resolution, written by <see cref="CvmModel.Infer"/>: depth (32FC1, metres, NaN
/// where invalid), semantic class ids (mono8), semantic colours (rgb8), unit normals in the camera optical frame
/// (32FC3, x y z interleaved, NaN where undefined) and normal colours (rgb8, (n + 1) / 2 * 255). Row-major, no row
/// padding. Ownership: the caller owns this object and its arrays (allocated once here, pinned so they can be handed
/// to native code without copying); each Infer overwrites the outputs it writes (<see cref="Written"/>), so copy out
/// (or hold another instance) before the next. Holds no native resources; <see cref="Dispose"/> is kept for callers
/// that scope it with <c>using</c>.
/// </summary>
public sealed class CvmOutputs : IDisposable
{
    /// <summary>Buffers for a <paramref name="width"/> x <paramref name="height"/> camera.</summary>
    public CvmOutputs(int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        Width = width;
        Height = height;
        var n = checked(width * height);
        DepthMeters = GC.AllocateArray<float>(n, pinned: true);
        SemanticIds = GC.AllocateArray<byte>(n, pinned: true);
        SemanticRgb = GC.AllocateArray<byte>(3 * n, pinned: true);
        NormalsXyz = GC.AllocateArray<float>(3 * n, pinned: true);
        NormalsRgb = GC.AllocateArray<byte>(3 * n, pinned: true);
    }

    /// <summary>Width, pixels.</summary>
    public int Width { get; }

    /// <summary>Height, pixels.</summary>
    public int Height { get; }

    /// <summary>Outputs written by the last Infer.</summary>
    public OutputKinds Written { get; internal set; }

    /// <summary>Depth, metres, <c>[H*W]</c>; NaN where invalid or outside the model's depth range.</summary>
    public float[] DepthMeters { get; }

    /// <summary>Semantic class ids, <c>[H*W]</c>.</summary>
    public byte[] SemanticIds { get; }

    /// <summary>Semantic colours, rgb8 <c>[H*W*3]</c>.</summary>
    public byte[] SemanticRgb { get; }

    /// <summary>Unit normals, camera optical frame, <c>[H*W*3]</c> (x, y, z per pixel).</summary>
    public float[] NormalsXyz { get; }

    /// <summary>Normal colours, rgb8 <c>[H*W*3]</c>.</summary>
    public byte[] NormalsRgb { get; }

    /// <inheritdoc />
    public void Dispose()
    {
        // Managed arrays only: nothing to release.
    }
}
