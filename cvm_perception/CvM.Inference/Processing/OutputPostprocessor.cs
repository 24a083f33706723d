using System.Numerics;
using System.Runtime.InteropServices;
using CvM.Inference.Internal;
using OpenCvSharp;

namespace CvM.Inference;

/// <summary>
/// Model-resolution outputs (planar, batch 1) to <see cref="CvmOutputs"/> at the camera resolution: depth set to NaN
/// outside [dmin, dmax] or non-finite (in the model-size output itself), then resized (bilinear or nearest, pixel
/// centres aligned; bilinear makes pixels next to an invalid one NaN too, and never leaves the range otherwise);
/// semantics by argmax of the logits at the model size, coloured there, then both resized nearest (pixel-centre
/// exact, a pure selection, so colours equal the lookup of the resized ids); normals resized bilinearly per plane,
/// renormalised to unit length (NaN where the length vanishes), interleaved and coloured. Reads the three output arrays
/// given at construction (owned by the caller, pinned); owns its work images. Not thread-safe.
/// </summary>
internal sealed class OutputPostprocessor : IDisposable
{
    /// <summary>OpenCV's INTER_NEAREST_EXACT (pixel-centre nearest neighbour; not in OpenCvSharp's enum).</summary>
    private const InterpolationFlags NearestExact = (InterpolationFlags)6;

    /// <summary>Relative slack on the depth range check (the model's own float arithmetic).</summary>
    private const float DepthRangeSlack = 1e-3f;

    private readonly int _w, _h, _classes;
    private readonly float[] _logitsBCHW;
    private readonly PinnedMat<float> _depthModel;
    private readonly PinnedMat<float>[] _normalPlanesModel;
    private readonly PinnedMat<byte> _idsModel;
    private readonly PinnedMat<byte> _rgbModel;
    private readonly float[] _bestLogit;
    private readonly int[] _bestId;
    private readonly byte[] _lutRgb;
    private readonly float _dmin, _dmax;
    private readonly InterpolationFlags _depthInterpolation;
    private PinnedMat<float>[] _normalPlanesCam = [];

    public OutputPostprocessor(int width, int height, ModelManifest manifest, DepthResizeMode depthResize,
        float[] depthB1HW, float[] logitsBCHW, float[] normalsB3HW)
    {
        (_w, _h, _classes) = (width, height, manifest.Classes.Length);
        var n = width * height;
        _logitsBCHW = logitsBCHW;
        _depthModel = new PinnedMat<float>(depthB1HW, height, width, 1, MatType.CV_32FC1);
        _normalPlanesModel = [.. Enumerable.Range(0, 3).Select(c => new PinnedMat<float>(normalsB3HW, MatType.CV_32FC1, c * n, height, width))];
        _idsModel = new PinnedMat<byte>(height, width, 1, MatType.CV_8UC1);
        _rgbModel = new PinnedMat<byte>(height, width, 3, MatType.CV_8UC3);
        _bestLogit = new float[n];
        _bestId = new int[n];
        _lutRgb = new byte[3 * 256];
        foreach (var c in manifest.Classes) c.Rgb.CopyTo(_lutRgb, 3 * c.Id);
        _dmin = manifest.DepthMin * (1 - DepthRangeSlack);
        _dmax = manifest.DepthMax * (1 + DepthRangeSlack);
        _depthInterpolation = depthResize == DepthResizeMode.Nearest ? NearestExact : InterpolationFlags.Linear;
    }

    /// <summary>Writes the outputs selected by <paramref name="kinds"/> into <paramref name="outputs"/>.</summary>
    public void Run(CvmOutputs outputs, OutputKinds kinds)
    {
        var size = new Size(outputs.Width, outputs.Height);
        if ((kinds & OutputKinds.Depth) != 0) Depth(outputs, size);
        if ((kinds & (OutputKinds.Semantics | OutputKinds.SemanticsColor)) != 0) Semantics(outputs, size, kinds);
        if ((kinds & (OutputKinds.Normals | OutputKinds.NormalsColor)) != 0) Normals(outputs, size);
        outputs.Written = kinds;
    }

    public void Dispose()
    {
        _depthModel.Dispose();
        foreach (var p in _normalPlanesModel) p.Dispose();
        foreach (var p in _normalPlanesCam) p.Dispose();
        _idsModel.Dispose();
        _rgbModel.Dispose();
    }

    private void Depth(CvmOutputs outputs, Size size)
    {
        // Invalid first, at the model size: a resize then never blends an out-of-range value into a plausible one, and
        // bilinear weights of in-range values stay in range, so the camera-size image needs no second pass.
        var m = _depthModel.Data.AsSpan();
        for (var i = 0; i < m.Length; i++)
        {
            var v = m[i];
            if (!(v >= _dmin && v <= _dmax)) m[i] = float.NaN;
        }
        CvArrayHandle.Resize(_depthModel.Input, outputs.DepthMat.Output, size, _depthInterpolation);
    }

    private void Semantics(CvmOutputs outputs, Size size, OutputKinds kinds)
    {
        var n = _w * _h;
        var best = _bestLogit.AsSpan();
        var bestId = _bestId.AsSpan();
        _logitsBCHW.AsSpan(0, n).CopyTo(best);
        bestId.Clear();
        var vn = n - n % Vector<float>.Count;
        var bestV = MemoryMarshal.Cast<float, Vector<float>>(best[..vn]);
        var idV = MemoryMarshal.Cast<int, Vector<int>>(bestId[..vn]);
        for (var c = 1; c < _classes; c++)
        {
            var plane = _logitsBCHW.AsSpan(c * n, n);
            var planeV = MemoryMarshal.Cast<float, Vector<float>>(plane[..vn]);
            var cV = new Vector<int>(c);
            for (var i = 0; i < planeV.Length; i++)
            {
                var greater = Vector.GreaterThan(planeV[i], bestV[i]);
                bestV[i] = Vector.ConditionalSelect(greater, planeV[i], bestV[i]);
                idV[i] = Vector.ConditionalSelect(greater, cV, idV[i]);
            }
            for (var i = vn; i < n; i++)
            {
                if (plane[i] > best[i])
                {
                    best[i] = plane[i];
                    bestId[i] = c;
                }
            }
        }
        var ids = _idsModel.Data.AsSpan();
        var rgb = _rgbModel.Data.AsSpan();
        for (var i = 0; i < n; i++)
        {
            var id = bestId[i];
            ids[i] = (byte)id;
            rgb[3 * i] = _lutRgb[3 * id];
            rgb[3 * i + 1] = _lutRgb[3 * id + 1];
            rgb[3 * i + 2] = _lutRgb[3 * id + 2];
        }
        if ((kinds & OutputKinds.Semantics) != 0) CvArrayHandle.Resize(_idsModel.Input, outputs.IdsMat.Output, size, NearestExact);
        if ((kinds & OutputKinds.SemanticsColor) != 0) CvArrayHandle.Resize(_rgbModel.Input, outputs.SemanticRgbMat.Output, size, NearestExact);
    }

    private void Normals(CvmOutputs outputs, Size size)
    {
        var planes = CameraPlanes(outputs.Width, outputs.Height);
        for (var c = 0; c < 3; c++) CvArrayHandle.Resize(_normalPlanesModel[c].Input, planes[c].Output, size, InterpolationFlags.Linear);
        Span<float> xs = planes[0].Data, ys = planes[1].Data, zs = planes[2].Data;
        var count = xs.Length;
        var vn = count - count % Vector<float>.Count;
        var xv = MemoryMarshal.Cast<float, Vector<float>>(xs[..vn]);
        var yv = MemoryMarshal.Cast<float, Vector<float>>(ys[..vn]);
        var zv = MemoryMarshal.Cast<float, Vector<float>>(zs[..vn]);
        var tiny = new Vector<float>(1e-12f);
        var nan = new Vector<float>(float.NaN);
        for (var i = 0; i < xv.Length; i++)
        {
            var len2 = xv[i] * xv[i] + yv[i] * yv[i] + zv[i] * zv[i];
            var ok = Vector.GreaterThan(len2, tiny); // false for NaN
            var inv = Vector.ConditionalSelect(ok, Vector<float>.One / Vector.SquareRoot(len2), nan);
            xv[i] *= inv;
            yv[i] *= inv;
            zv[i] *= inv;
        }
        for (var i = vn; i < count; i++)
        {
            var len2 = xs[i] * xs[i] + ys[i] * ys[i] + zs[i] * zs[i];
            var inv = len2 > 1e-12f ? 1f / MathF.Sqrt(len2) : float.NaN;
            xs[i] *= inv;
            ys[i] *= inv;
            zs[i] *= inv;
        }
        var xyz = outputs.NormalsXyz.AsSpan();
        var rgb = outputs.NormalsRgb.AsSpan();
        for (int i = 0, o = 0; i < count; i++, o += 3)
        {
            float x = xs[i], y = ys[i], z = zs[i];
            xyz[o] = x;
            xyz[o + 1] = y;
            xyz[o + 2] = z;
            rgb[o] = ToByte(x);
            rgb[o + 1] = ToByte(y);
            rgb[o + 2] = ToByte(z);
        }
    }

    /// <summary>(n + 1) / 2 * 255 rounded; 0 for NaN.</summary>
    private static byte ToByte(float unit)
    {
        var v = (unit + 1f) * 127.5f + 0.5f;
        return v >= 255f ? (byte)255 : v >= 0f ? (byte)v : (byte)0;
    }

    private PinnedMat<float>[] CameraPlanes(int width, int height)
    {
        if (_normalPlanesCam.Length == 3 && _normalPlanesCam[0].Cols == width && _normalPlanesCam[0].Rows == height) return _normalPlanesCam;
        return ReallocateCameraPlanes(width, height);
    }

    /// <summary>Apart from <see cref="CameraPlanes"/> so that its closure is not allocated on every call.</summary>
    private PinnedMat<float>[] ReallocateCameraPlanes(int width, int height)
    {
        foreach (var p in _normalPlanesCam) p.Dispose();
        _normalPlanesCam = [.. Enumerable.Range(0, 3).Select(_ => new PinnedMat<float>(height, width, 1, MatType.CV_32FC1))];
        return _normalPlanesCam;
    }
}
