using System.Numerics;
using System.Runtime.InteropServices;
using CvM.Inference.Internal;
using OpenCvSharp;

namespace CvM.Inference;

/// <summary>
/// Model-resolution outputs (planar, batch 1) to <see cref="CvmOutputs"/> at the camera resolution, writing only the
/// outputs asked for: depth set to NaN outside [dmin, dmax] or non-finite (in the model-size output itself), then
/// resized (OpenCV bilinear, pixel centres aligned, which makes pixels next to an invalid one NaN too and never leaves
/// the range otherwise; or pixel-centre nearest, see <see cref="NearestUpsampler"/>); semantics by argmax of the logits
/// at the model size, coloured there, then both resized by pixel-centre nearest (a pure selection, so colours equal
/// the lookup of the resized ids); normals bilinear, renormalised, interleaved and coloured row by row
/// (<see cref="NormalsUpsampler"/>). Reads the three output arrays given at construction (owned by the caller,
/// pinned); owns its work images. Not thread-safe.
/// </summary>
internal sealed class OutputPostprocessor : IDisposable
{
    /// <summary>Relative slack on the depth range check (the model's own float arithmetic).</summary>
    private const float DepthRangeSlack = 1e-3f;

    private readonly int _w, _h, _classes;
    private readonly float[] _logitsBCHW;
    private readonly PinnedMat<float> _depthModel;
    private readonly NormalsUpsampler _normals;
    private readonly NearestUpsampler _nearest;
    private readonly byte[] _idsModel;
    private readonly byte[] _rgbModel;
    private readonly float[] _bestLogit;
    private readonly int[] _bestId;
    private readonly byte[] _lutRgb;
    private readonly float _dmin, _dmax;
    private readonly DepthResizeMode _depthResize;

    public OutputPostprocessor(int width, int height, ModelManifest manifest, DepthResizeMode depthResize,
        float[] depthB1HW, float[] logitsBCHW, float[] normalsB3HW)
    {
        (_w, _h, _classes) = (width, height, manifest.Classes.Length);
        var n = width * height;
        _logitsBCHW = logitsBCHW;
        _depthModel = new PinnedMat<float>(depthB1HW, height, width, 1, MatType.CV_32FC1);
        _normals = new NormalsUpsampler(width, height, normalsB3HW);
        _nearest = new NearestUpsampler(width, height);
        _idsModel = new byte[n];
        _rgbModel = new byte[3 * n];
        _bestLogit = new float[n];
        _bestId = new int[n];
        _lutRgb = new byte[3 * 256];
        foreach (var c in manifest.Classes) c.Rgb.CopyTo(_lutRgb, 3 * c.Id);
        _dmin = manifest.DepthMin * (1 - DepthRangeSlack);
        _dmax = manifest.DepthMax * (1 + DepthRangeSlack);
        _depthResize = depthResize;
    }

    /// <summary>Writes the outputs selected by <paramref name="kinds"/> into <paramref name="outputs"/>.</summary>
    public void Run(CvmOutputs outputs, OutputKinds kinds)
    {
        var size = new Size(outputs.Width, outputs.Height);
        if ((kinds & OutputKinds.Depth) != 0) Depth(outputs, size);
        if ((kinds & (OutputKinds.Semantics | OutputKinds.SemanticsColor)) != 0) Semantics(outputs, size, kinds);
        if ((kinds & (OutputKinds.Normals | OutputKinds.NormalsColor)) != 0)
        {
            _normals.Run((kinds & OutputKinds.Normals) != 0 ? outputs.NormalsXyz : [], (kinds & OutputKinds.NormalsColor) != 0 ? outputs.NormalsRgb : [],
                outputs.Width, outputs.Height);
        }
        outputs.Written = kinds;
    }

    public void Dispose()
    {
        _depthModel.Dispose();
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
        if (_depthResize == DepthResizeMode.Nearest) _nearest.Run<float>(m, outputs.DepthMeters, size.Width, size.Height, 1);
        else CvArrayHandle.Resize(_depthModel.Input, outputs.DepthMat.Output, size, InterpolationFlags.Linear);
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
        if ((kinds & OutputKinds.Semantics) != 0)
        {
            var ids = _idsModel.AsSpan();
            for (var i = 0; i < n; i++) ids[i] = (byte)bestId[i];
            _nearest.Run<byte>(ids, outputs.SemanticIds, size.Width, size.Height, 1);
        }
        if ((kinds & OutputKinds.SemanticsColor) != 0)
        {
            // Coloured at the model size, then selected: the same colours as a lookup of the resized ids.
            var rgb = _rgbModel.AsSpan();
            var lut = _lutRgb.AsSpan();
            for (int i = 0, o = 0; i < n; i++, o += 3)
            {
                var l = 3 * bestId[i];
                (rgb[o], rgb[o + 1], rgb[o + 2]) = (lut[l], lut[l + 1], lut[l + 2]);
            }
            _nearest.Run<byte>(rgb, outputs.SemanticRgb, size.Width, size.Height, 3);
        }
    }
}
