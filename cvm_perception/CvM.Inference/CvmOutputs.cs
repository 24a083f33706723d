using CvM.Inference.Internal;
using OpenCvSharp;

namespace CvM.Inference;

/// <summary>
/// The model's outputs at the camera resolution, written by <see cref="CvmModel.Infer"/>: depth (32FC1, metres, NaN
/// where invalid), semantic class ids (mono8), semantic colours (rgb8), unit normals in the camera optical frame
/// (32FC3, x y z interleaved, NaN where undefined) and normal colours (rgb8, (n + 1) / 2 * 255). Row-major, no row
/// padding. Ownership: the caller owns this object and its arrays (pinned; allocated once here); each Infer
/// overwrites them, so copy out (or hold another instance) before the next. Dispose releases OpenCV headers.
/// </summary>
public sealed class CvmOutputs : IDisposable
{
    private readonly PinnedMat<float> _depth;
    private readonly PinnedMat<byte> _ids;
    private readonly PinnedMat<float> _normals;
    private readonly PinnedMat<byte> _semanticRgb;

    /// <summary>Buffers for a <paramref name="width"/> x <paramref name="height"/> camera.</summary>
    public CvmOutputs(int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        Width = width;
        Height = height;
        _depth = new PinnedMat<float>(height, width, 1, MatType.CV_32FC1);
        _ids = new PinnedMat<byte>(height, width, 1, MatType.CV_8UC1);
        _normals = new PinnedMat<float>(height, width, 3, MatType.CV_32FC3);
        _semanticRgb = new PinnedMat<byte>(height, width, 3, MatType.CV_8UC3);
        NormalsRgb = new byte[3 * width * height];
    }

    /// <summary>Width, pixels.</summary>
    public int Width { get; }

    /// <summary>Height, pixels.</summary>
    public int Height { get; }

    /// <summary>Outputs written by the last Infer.</summary>
    public OutputKinds Written { get; internal set; }

    /// <summary>Depth, metres, <c>[H*W]</c>; NaN where invalid or outside the model's depth range.</summary>
    public float[] DepthMeters => _depth.Data;

    /// <summary>Semantic class ids, <c>[H*W]</c>.</summary>
    public byte[] SemanticIds => _ids.Data;

    /// <summary>Semantic colours, rgb8 <c>[H*W*3]</c>.</summary>
    public byte[] SemanticRgb => _semanticRgb.Data;

    /// <summary>Unit normals, camera optical frame, <c>[H*W*3]</c> (x, y, z per pixel).</summary>
    public float[] NormalsXyz => _normals.Data;

    /// <summary>Normal colours, rgb8 <c>[H*W*3]</c>.</summary>
    public byte[] NormalsRgb { get; }

    internal PinnedMat<float> DepthMat => _depth;

    internal PinnedMat<byte> IdsMat => _ids;

    internal PinnedMat<float> NormalsMat => _normals;

    internal PinnedMat<byte> SemanticRgbMat => _semanticRgb;

    /// <inheritdoc />
    public void Dispose()
    {
        _depth.Dispose();
        _ids.Dispose();
        _normals.Dispose();
        _semanticRgb.Dispose();
    }
}
